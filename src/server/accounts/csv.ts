/** One CSV record with the 1-based line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvParse =
  { readonly ok: true; readonly records: CsvRecord[] } | { readonly ok: false; readonly line: number };

/**
 * Parses RFC 4180 CSV as Excel and WPS save it: comma-separated, fields optionally in double quotes with `""` for a
 * quote, CRLF or LF line ends, an optional UTF-8 byte-order mark. Blank lines (also `,,` lines Excel leaves behind)
 * are skipped.
 * @returns the records, or the line of a quote that is never closed.
 */
export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    i += 1;
  }
  if (quoted) return { ok: false, line: quoteLine };
  endRecord();
  return { ok: true, records };
}

/** The text encodings a trainee list is read in. */
export type CsvEncoding = 'UTF-8' | 'GB18030';

export type CsvDecode = { readonly ok: true; readonly text: string; readonly encoding: CsvEncoding } | { readonly ok: false };

/**
 * Decodes an uploaded CSV file. Bytes that are valid UTF-8 (with or without a byte-order mark, which is dropped) are
 * UTF-8; anything else is read as GB18030, the superset of the GBK that Excel and WPS on Chinese Windows save as
 * “CSV（逗号分隔）”. A GBK file is almost never valid UTF-8 (its two-byte characters break UTF-8's continuation-byte
 * rules), so trying UTF-8 first does not misread one.
 * @returns the text and the encoding read, or `ok: false` when the bytes are neither.
 */
export function decodeCsv(bytes: Uint8Array): CsvDecode {
  // Node's full-ICU TextDecoder knows GB18030 (WHATWG Encoding), so no decoding library is needed.
  for (const [label, encoding] of [['utf-8', 'UTF-8'], ['gb18030', 'GB18030']] as const) {
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes);
      return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding };
    } catch {
      // Not this encoding: try the next.
    }
  }
  return { ok: false };
}
