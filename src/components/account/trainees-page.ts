import type { JsonFormSuccess } from './json-form.ts';

// Client side of /lead/trainees: shows freshly made links once (with copy buttons), the CSV import report, and
// updates a row after 停用/启用. Everything is built with textContent, never HTML strings from the server.

interface TraineeView {
  readonly id: string;
  readonly name: string;
  readonly employeeId: string;
  readonly cohort: string | null;
  readonly status: 'pending' | 'active' | 'disabled';
}

interface IssuedLink {
  readonly url: string;
  readonly expiresAt: number;
}

interface RowError {
  readonly line: number;
  readonly employeeId: string | null;
  readonly message: string;
}

const STATUS_LABELS = { pending: '待激活', active: '已激活', disabled: '已停用' } as const;

const panel = document.querySelector<HTMLElement>('#links-panel')!;
const linkRows = panel.querySelector<HTMLTableSectionElement>('tbody')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function addLinks(
  entries: readonly {
    readonly trainee: Pick<TraineeView, 'name' | 'employeeId' | 'cohort'>;
    readonly link: IssuedLink;
  }[],
): void {
  if (entries.length === 0) return;
  for (const { trainee, link } of entries) {
    const row = document.createElement('tr');
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
    input.addEventListener('focus', () => input.select());
    linkCell.append(label, input);
    const copyCell = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = '复制';
    button.setAttribute('aria-label', `复制 ${trainee.name}（${trainee.employeeId}）的链接`);
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(link.url).then(
        () => {
          // The button keeps its label (its accessible name must contain it); the status line confirms.
          copyStatus.textContent = `已复制 ${trainee.name} 的链接。`;
        },
        () => {
          input.focus();
          input.select();
          copyStatus.textContent = '无法自动复制，链接已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。';
        },
      );
    });
    copyCell.append(button);
    const expires = new Date(link.expiresAt).toLocaleDateString('zh-CN', { month: 'long', day: 'numeric' });
    row.append(
      cell(trainee.name),
      cell(trainee.employeeId),
      cell(trainee.cohort ?? '—'),
      linkCell,
      copyCell,
      cell(expires),
    );
    linkRows.append(row);
  }
  panel.hidden = false;
  panel.querySelector<HTMLElement>('h2')?.focus();
}

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

function updateRow(trainee: TraineeView): void {
  const row = document.querySelector<HTMLTableRowElement>(`tr[data-trainee-row="${CSS.escape(trainee.id)}"]`);
  if (!row) return;
  row.querySelector('[data-status]')!.textContent = STATUS_LABELS[trainee.status];
  row.dataset['status'] = trainee.status;
  const disable = row.querySelector<HTMLFormElement>('form[data-row-action="disable"]');
  const enable = row.querySelector<HTMLFormElement>('form[data-row-action="enable"]');
  if (disable) disable.hidden = trainee.status === 'disabled';
  if (enable) enable.hidden = trainee.status !== 'disabled';
  (trainee.status === 'disabled' ? enable : disable)?.querySelector('button')?.focus();
}

document.addEventListener('json-form:success', (event) => {
  const { form, body } = (event as CustomEvent<JsonFormSuccess>).detail;
  if (form.id === 'add-form') {
    addLinks([body as unknown as { trainee: TraineeView; link: IssuedLink }]);
  } else if (form.id === 'import-form') {
    const { encoding, imported, errors } = body as unknown as {
      encoding: string;
      imported: { trainee: TraineeView; link: IssuedLink }[];
      errors: RowError[];
    };
    showImportReport(encoding, imported.length, errors);
    addLinks(imported);
  } else if (form.dataset['rowAction'] === 'activation') {
    const row = form.closest<HTMLTableRowElement>('tr')!;
    const trainee = {
      name: row.dataset['name']!,
      employeeId: row.dataset['employeeId']!,
      cohort: row.dataset['cohort'] || null,
    };
    addLinks([{ trainee, link: (body as unknown as { link: IssuedLink }).link }]);
  } else if (form.dataset['rowAction']) {
    updateRow((body as unknown as { trainee: TraineeView }).trainee);
  }
});

// Links are shown once; leaving the page loses them, so say so before it happens.
window.addEventListener('beforeunload', (event) => {
  if (!panel.hidden) event.preventDefault();
});
