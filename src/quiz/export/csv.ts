/** A CSV cell before quoting. */
export type CsvCell = string | number | boolean | null;

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell per RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes doubled). A text cell that a
 * spreadsheet would run as a formula gets a leading `'`, which Excel and LibreOffice show as plain text; numbers are
 * written as they are. `null` is an empty cell.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: UTF-8 byte order mark (so Excel reads Chinese correctly), CRLF line ends, a final CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvStart(header) + rows.map(csvLine).join('');
}

/** The start of a CSV file written in pieces: the byte order mark and the header line; follow it with `csvLine`s. */
export function csvStart(header: readonly string[]): string {
  return `\uFEFF${csvLine(header)}`;
}

/** One row with its CRLF: `csvStart(h) + rows.map(csvLine).join('')` is exactly `csvDocument(h, rows)`. */
export function csvLine(row: readonly CsvCell[]): string {
  return `${row.map(csvCell).join(',')}\r\n`;
}
