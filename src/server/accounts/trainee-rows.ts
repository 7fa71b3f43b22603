import { employeeIdKey } from '../store/index.ts';
import { parseCsv } from './csv.ts';
import { CohortSchema, EmployeeIdSchema, NameSchema } from './schemas.ts';

export const MAX_IMPORT_ROWS = 1000;

/** A CSV row that passed validation, with the file line it came from. */
export interface TraineeRow {
  readonly line: number;
  readonly name: string;
  readonly employeeId: string;
  readonly cohort: string;
}

/** Why one row was not imported; the other rows are unaffected. */
export interface RowError {
  readonly line: number;
  /** The employee id as written, when the row had one. */
  readonly employeeId: string | null;
  readonly code: 'ROW_INVALID' | 'DUPLICATE_IN_FILE' | 'EMPLOYEE_ID_TAKEN';
  readonly message: string;
}

export type ImportPlan =
  | { readonly ok: true; readonly rows: TraineeRow[]; readonly errors: RowError[] }
  | {
      readonly ok: false;
      readonly code: 'CSV_NOT_UTF8' | 'CSV_EMPTY' | 'CSV_BAD_HEADER' | 'CSV_TOO_MANY_ROWS' | 'CSV_UNTERMINATED_QUOTE';
      readonly line?: number;
    };

const COLUMNS = {
  name: ['姓名', 'name'],
  employeeId: ['工号', 'employeeid', 'employee id', 'employee_id'],
  cohort: ['班组', 'cohort'],
} as const;

/**
 * Reads a trainee list: header row `姓名,工号,班组` (or `name,employeeId,cohort`, any column order, extra columns
 * ignored), then one trainee per row. Each row is checked on its own; a bad row is reported with its line number
 * and skipped whole, and so is a repeat of an employee id already seen higher up in the file.
 * @returns the valid rows and the row errors, or a file-level problem that stops the whole import.
 */
export function planImport(csvText: string): ImportPlan {
  // The browser decodes the file as UTF-8; bytes that are not UTF-8 (GBK from an old Excel) arrive as U+FFFD.
  if (csvText.includes('\uFFFD')) return { ok: false, code: 'CSV_NOT_UTF8' };
  const parsed = parseCsv(csvText);
  if (!parsed.ok) return { ok: false, code: 'CSV_UNTERMINATED_QUOTE', line: parsed.line };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, code: 'CSV_EMPTY' };
  const labels = header.fields.map((f) => f.trim().toLowerCase());
  const index = {
    name: labels.findIndex((l) => (COLUMNS.name as readonly string[]).includes(l)),
    employeeId: labels.findIndex((l) => (COLUMNS.employeeId as readonly string[]).includes(l)),
    cohort: labels.findIndex((l) => (COLUMNS.cohort as readonly string[]).includes(l)),
  };
  if (header.line !== 1 || Object.values(index).some((i) => i < 0)) return { ok: false, code: 'CSV_BAD_HEADER' };
  if (records.length === 0) return { ok: false, code: 'CSV_EMPTY' };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, code: 'CSV_TOO_MANY_ROWS' };

  const rows: TraineeRow[] = [];
  const errors: RowError[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    const cell = (i: number) => record.fields[i] ?? '';
    const name = NameSchema.safeParse(cell(index.name));
    const employeeId = EmployeeIdSchema.safeParse(cell(index.employeeId));
    const cohort = CohortSchema.safeParse(cell(index.cohort));
    const writtenId = cell(index.employeeId).trim() || null;
    if (!name.success || !employeeId.success || !cohort.success) {
      const problems = [name, employeeId, cohort].flatMap((r) => (r.success ? [] : [r.error.issues[0]!.message]));
      errors.push({ line: record.line, employeeId: writtenId, code: 'ROW_INVALID', message: problems.join('；') });
      continue;
    }
    const key = employeeIdKey(employeeId.data);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      errors.push({
        line: record.line,
        employeeId: employeeId.data,
        code: 'DUPLICATE_IN_FILE',
        message: `工号 ${employeeId.data} 与第 ${earlier} 行重复，本行未导入`,
      });
      continue;
    }
    firstLine.set(key, record.line);
    rows.push({ line: record.line, name: name.data, employeeId: employeeId.data, cohort: cohort.data });
  }
  return { ok: true, rows, errors };
}
