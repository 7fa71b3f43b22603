import { describe, expect, it } from 'vitest';
import { decodeCsv, MAX_IMPORT_ROWS, parseCsv, planImport } from '../../src/server/accounts/index.ts';

describe('CSV parsing', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and skips blank lines', () => {
    const parsed = parseCsv('\uFEFFa,"b,1","say ""hi"""\r\n\r\n,,\r\n"multi\nline",x,y\nlast,row,here');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b,1', 'say "hi"'] },
        { line: 4, fields: ['multi\nline', 'x', 'y'] },
        { line: 6, fields: ['last', 'row', 'here'] },
      ],
    });
  });

  it('reports the line of a quote that is never closed', () => {
    expect(parseCsv('a,b\n"open,c\nd')).toEqual({ ok: false, line: 2 });
  });
});

describe('trainee import plan', () => {
  it('accepts the Chinese header with a BOM, in any column order, ignoring extra columns', () => {
    const plan = planImport('\uFEFF工号,备注,姓名,班组\r\nA1001,新人,张三,售后一组\r\n');
    expect(plan).toEqual({
      ok: true,
      rows: [{ line: 2, name: '张三', employeeId: 'A1001', cohort: '售后一组' }],
      errors: [],
    });
  });

  it('accepts the English header without a BOM', () => {
    const plan = planImport('name,employeeId,cohort\nLi Si,A1002,Team 2\n');
    expect(plan).toMatchObject({ ok: true, rows: [{ line: 2, name: 'Li Si', employeeId: 'A1002', cohort: 'Team 2' }] });
  });

  it('reports each bad row with its line number and reason, skips it whole, and keeps the good rows', () => {
    const plan = planImport(
      ['姓名,工号,班组', '张三,A1001,一组', ',A1002,一组', '王五,A 1003,', '赵六,a1001,二组', '钱七,A1004,二组'].join(
        '\n',
      ),
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.rows.map((r) => [r.line, r.employeeId])).toEqual([
      [2, 'A1001'],
      [6, 'A1004'],
    ]);
    expect(plan.errors).toEqual([
      { line: 3, employeeId: 'A1002', code: 'ROW_INVALID', message: '请填写姓名' },
      {
        line: 4,
        employeeId: 'A 1003',
        code: 'ROW_INVALID',
        message: '工号只能由字母、数字、“-”和“_”组成，并以字母或数字开头；请填写班组',
      },
      { line: 5, employeeId: 'a1001', code: 'DUPLICATE_IN_FILE', message: '工号 a1001 与第 2 行重复，本行未导入' },
    ]);
  });

  it('refuses the same names as the add-trainee form (one NameSchema): lone surrogates and control characters; stores NFC', () => {
    const plan = planImport(['姓名,工号,班组', '张\ud800三,A2001,一组', '李\u0007四,A2002,一组', ' Jose\u0301 ,A2003,一\u200b组'].join('\n'));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.errors).toEqual([
      { line: 2, employeeId: 'A2001', code: 'ROW_INVALID', message: '姓名里有无法识别的字符（可能是文件或输入法编码有误），请重新输入' },
      { line: 3, employeeId: 'A2002', code: 'ROW_INVALID', message: '姓名里有不可见字符，请重新输入' },
      { line: 4, employeeId: 'A2003', code: 'ROW_INVALID', message: '班组名称里有不可见字符，请重新输入' },
    ]);
    const fine = planImport(['姓名,工号,班组', ' Jose\u0301 ,A2004,一组'].join('\n'));
    expect(fine.ok && fine.rows[0]!.name).toBe('Jos\u00e9');
  });

  it('stops the whole import for a wrong header, an empty list, too many rows, an open quote or a non-UTF-8 file', () => {
    expect(planImport('name,id,group\nx,y,z')).toEqual({ ok: false, code: 'CSV_BAD_HEADER' });
    expect(planImport('张三,A1001,一组\n李四,A1002,一组')).toEqual({ ok: false, code: 'CSV_BAD_HEADER' });
    expect(planImport('')).toEqual({ ok: false, code: 'CSV_EMPTY' });
    expect(planImport('姓名,工号,班组\r\n')).toEqual({ ok: false, code: 'CSV_EMPTY' });
    const many = ['姓名,工号,班组', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `人${i},P${i},组`)].join(
      '\n',
    );
    expect(planImport(many)).toEqual({ ok: false, code: 'CSV_TOO_MANY_ROWS' });
    expect(planImport('姓名,工号,班组\n"张三,A1,组')).toEqual({ ok: false, code: 'CSV_UNTERMINATED_QUOTE', line: 2 });
    // What a browser makes of GBK bytes read as UTF-8.
    expect(planImport('\uFFFD\uFFFD,\uFFFD\uFFFD,\uFFFD\uFFFD\n')).toEqual({ ok: false, code: 'CSV_NOT_UTF8' });
  });
});

/**
 * A trainee list as Excel on Chinese Windows saves it (GBK, CRLF). The Chinese is written as GBK code points from the
 * code table (姓名 D0D5 C3FB, 工号 B9A4 BAC5, 班组 B0E0 D7E9, 张三 D5C5 C8FD, 李四 C0EE CBC4, 售后一组 CADB BAF3 D2BB D7E9,
 * 售后二组 CADB BAF3 B6FE D7E9), so the test does not encode with the decoder it checks.
 */
const GBK_LIST = Buffer.from(
  [
    'd0d5c3fb', '2c', 'b9a4bac5', '2c', 'b0e0d7e9', '0d0a',
    'd5c5c8fd', Buffer.from(',A1001,').toString('hex'), 'cadbbaf3d2bbd7e9', '0d0a',
    'c0eecbc4', Buffer.from(',A1002,').toString('hex'), 'cadbbaf3b6fed7e9', '0d0a',
    Buffer.from(',A1003,').toString('hex'), 'cadbbaf3d2bbd7e9', '0d0a',
  ].join(''),
  'hex',
);

describe('CSV file encodings', () => {
  it('reads a GBK file from Excel on Chinese Windows as GB18030 and keeps the row errors', () => {
    const decoded = decodeCsv(GBK_LIST);
    expect(decoded).toEqual({
      ok: true,
      encoding: 'GB18030',
      text: '姓名,工号,班组\r\n张三,A1001,售后一组\r\n李四,A1002,售后二组\r\n,A1003,售后一组\r\n',
    });
    if (!decoded.ok) return;
    expect(planImport(decoded.text)).toEqual({
      ok: true,
      rows: [
        { line: 2, name: '张三', employeeId: 'A1001', cohort: '售后一组' },
        { line: 3, name: '李四', employeeId: 'A1002', cohort: '售后二组' },
      ],
      errors: [{ line: 4, employeeId: 'A1003', code: 'ROW_INVALID', message: '请填写姓名' }],
    });
  });

  it('keeps UTF-8 as UTF-8, with or without a byte-order mark', () => {
    const text = '姓名,工号,班组\n张三,A1001,售后一组\n';
    const bytes = new TextEncoder().encode(text);
    expect(decodeCsv(bytes)).toEqual({ ok: true, encoding: 'UTF-8', text });
    const withBom = decodeCsv(Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes));
    expect(withBom).toEqual({ ok: true, encoding: 'UTF-8', text });
    // Plain ASCII is valid UTF-8 too.
    expect(decodeCsv(new TextEncoder().encode('name,employeeId,cohort\n'))).toMatchObject({ ok: true, encoding: 'UTF-8' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    // 0xFF starts no character in GB18030 and none in UTF-8.
    expect(decodeCsv(Uint8Array.of(0x61, 0x2c, 0xff, 0x0a))).toEqual({ ok: false });
  });
});
