import { activationLinksCsv, activationLinksText, csvDataUrl, expiryText, type IssuedLink } from './activation-links.ts';
import type { JsonFormSuccess } from './json-form.ts';
import { refreshSection } from './refresh-section.ts';

// Client side of /lead/trainees: shows freshly made links once (copy one, 复制全部, the batch as CSV), the CSV import
// report, and refreshes the trainee list in place after an add, an import or 停用/启用 (the list is the server's
// render, fetched again, so it has one renderer). Everything is built with textContent, never HTML strings.

interface TraineeView {
  readonly id: string;
  readonly name: string;
  readonly employeeId: string;
  readonly cohort: string | null;
  readonly status: 'pending' | 'active' | 'disabled';
}

interface RowError {
  readonly line: number;
  readonly employeeId: string | null;
  readonly message: string;
}

const panel = document.querySelector<HTMLElement>('#links-panel')!;
const linkRows = panel.querySelector<HTMLTableSectionElement>('tbody')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const csvLink = document.querySelector<HTMLAnchorElement>('#links-csv')!;

for (const element of document.querySelectorAll<HTMLElement>('[data-needs-script]')) element.hidden = false;

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

/** Every link on the panel, the server-rendered ones included, from the rows' data attributes. */
function shownLinks(): IssuedLink[] {
  return [...linkRows.querySelectorAll<HTMLTableRowElement>('tr[data-link-row]')].map((row) => ({
    trainee: { name: row.dataset['name']!, employeeId: row.dataset['employeeId']!, cohort: row.dataset['cohort'] || null },
    link: { url: row.dataset['url']!, expiresAt: Number(row.dataset['expiresAt']) },
  }));
}

function copy(text: string, done: string, fallback: () => void): void {
  navigator.clipboard.writeText(text).then(
    () => {
      // Buttons keep their labels (an accessible name must contain the visible one); the status line confirms.
      copyStatus.textContent = done;
    },
    () => {
      fallback();
      copyStatus.textContent = '无法自动复制，请选中后按 Ctrl+C（Mac 上按 ⌘C）复制，或下载 CSV。';
    },
  );
}

function addLinks(entries: readonly IssuedLink[]): void {
  if (entries.length === 0) return;
  for (const { trainee, link } of entries) {
    const row = document.createElement('tr');
    Object.assign(row.dataset, {
      linkRow: '',
      name: trainee.name,
      employeeId: trainee.employeeId,
      cohort: trainee.cohort ?? '',
      url: link.url,
      expiresAt: String(link.expiresAt),
    });
    const id = `link-${linkRows.rows.length + 1}`;
    const linkCell = document.createElement('td');
    const label = document.createElement('label');
    label.className = 'visually-hidden';
    label.htmlFor = id;
    label.textContent = `${trainee.name} 的链接`;
    const input = document.createElement('input');
    input.id = id;
    input.readOnly = true;
    input.value = link.url;
    input.className = 'link-input';
    linkCell.append(label, input);
    const copyCell = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy button-quiet';
    button.textContent = '复制';
    button.setAttribute('aria-label', `复制 ${trainee.name}（${trainee.employeeId}）的链接`);
    copyCell.append(button);
    row.append(cell(trainee.name), cell(trainee.employeeId), cell(trainee.cohort ?? '—'), linkCell, copyCell, cell(expiryText(link.expiresAt)));
    linkRows.append(row);
  }
  csvLink.href = csvDataUrl(activationLinksCsv(shownLinks()));
  panel.hidden = false;
  panel.querySelector<HTMLElement>('h2')?.focus();
}

panel.addEventListener('focusin', (event) => {
  if (event.target instanceof HTMLInputElement) event.target.select();
});

panel.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('button');
  if (!button) return;
  if (button.id === 'copy-all') {
    const links = shownLinks();
    copy(activationLinksText(links), `已复制全部 ${links.length} 个链接。`, () => undefined);
    return;
  }
  const row = button.closest<HTMLTableRowElement>('tr[data-link-row]');
  if (!row) return;
  const input = row.querySelector<HTMLInputElement>('input')!;
  copy(row.dataset['url']!, `已复制 ${row.dataset['name']} 的链接。`, () => {
    input.focus();
    input.select();
  });
});

function showImportReport(encoding: string, imported: number, errors: readonly RowError[]): void {
  const report = document.querySelector<HTMLElement>('#import-report')!;
  const summary = report.querySelector<HTMLElement>('#import-summary')!;
  const list = report.querySelector<HTMLUListElement>('#import-errors')!;
  report.querySelector<HTMLElement>('#import-encoding')!.textContent = `读取编码：${encoding}`;
  summary.textContent =
    errors.length === 0
      ? `已导入 ${imported} 名学员。`
      : `已导入 ${imported} 名学员；${errors.length} 行未导入，原因如下。`;
  list.replaceChildren(
    ...errors.map((error) => {
      const item = document.createElement('li');
      item.textContent = `第 ${error.line} 行${error.employeeId ? `（工号 ${error.employeeId}）` : ''}：${error.message}`;
      return item;
    }),
  );
  list.hidden = errors.length === 0;
  report.hidden = false;
}

/** Replaces the trainee list with the server's fresh render of it (see refresh-section.ts). */
function refreshList(focusRow?: { readonly id: string }): Promise<void> {
  return refreshSection('/lead/trainees', '#trainee-list', focusRow && { rowAttribute: 'data-trainee-row', id: focusRow.id });
}

document.addEventListener('json-form:success', (event) => {
  const { form, body } = (event as CustomEvent<JsonFormSuccess>).detail;
  if (form.id === 'add-form') {
    addLinks([body as unknown as IssuedLink]);
    void refreshList();
  } else if (form.id === 'import-form') {
    const { encoding, imported, errors } = body as unknown as { encoding: string; imported: IssuedLink[]; errors: RowError[] };
    showImportReport(encoding, imported.length, errors);
    addLinks(imported);
    void refreshList();
  } else if (form.dataset['rowAction'] === 'activation') {
    const row = form.closest<HTMLTableRowElement>('tr')!;
    const trainee = { name: row.dataset['name']!, employeeId: row.dataset['employeeId']!, cohort: row.dataset['cohort'] || null };
    addLinks([{ trainee, link: (body as unknown as { link: IssuedLink['link'] }).link }]);
  } else if (form.dataset['rowAction']) {
    const trainee = (body as unknown as { trainee: TraineeView }).trainee;
    void refreshList({ id: trainee.id });
  }
});

// Links are shown once; leaving the page loses them, so say so before it happens.
window.addEventListener('beforeunload', (event) => {
  if (!panel.hidden) event.preventDefault();
});
