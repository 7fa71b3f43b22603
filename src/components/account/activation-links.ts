import { csvDocument } from '../../quiz/export/csv.ts';

/** A one-time link just made for a trainee, as the trainee APIs return it. */
export interface IssuedLink {
  readonly trainee: { readonly name: string; readonly employeeId: string; readonly cohort: string | null };
  readonly link: { readonly url: string; readonly expiresAt: number };
}

/** 有效期至 as the links table shows it: month and day in Beijing time. */
export function expiryText(expiresAt: number): string {
  return new Date(expiresAt).toLocaleDateString('zh-CN', { month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });
}

/**
 * The batch's links as a CSV file (姓名, 工号, 班组, 激活链接, 有效期至), for the lead to mail-merge or keep until each
 * trainee has theirs; the same writer as every other export (BOM for Excel, formula guard). Rendered on the server
 * after a form post without JavaScript and rebuilt by the page script as links arrive.
 */
export function activationLinksCsv(links: readonly IssuedLink[]): string {
  return csvDocument(
    ['姓名', '工号', '班组', '激活链接', '有效期至'],
    links.map(({ trainee, link }) => [trainee.name, trainee.employeeId, trainee.cohort, link.url, expiryText(link.expiresAt)]),
  );
}

/** The CSV as a `data:` URL for an `<a download>`: a download that works with and without script. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/** The batch as text for 复制全部: one `姓名（工号）：链接` line per trainee. */
export function activationLinksText(links: readonly IssuedLink[]): string {
  return links.map(({ trainee, link }) => `${trainee.name}（${trainee.employeeId}）：${link.url}`).join('\n');
}
