import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseGift } from 'gift-pegjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { seedUsersWithSessions, signedInClient, takeExam, type TakenAttempt } from './exam-takers.ts';
import { Client, errorOf } from './http-client.ts';
import { newUser } from './store-factories.ts';
import { readCsv } from '../factories/csv.ts';

vi.setConfig({ testTimeout: 60_000 });

const EXAM_ID = 'basic-certification';
const EXPORTS = ['/api/lead/exports/results.csv', '/api/lead/exports/question-bank.xml', '/api/lead/exports/question-bank.gift'];
const content = loadExamContent(join(ROOT, 'content'));
// A name that a spreadsheet would run as a formula, with a comma and a quote that need RFC 4180 quoting.
const trainee = newUser({ name: '=HYPERLINK("http://x","张,三")', employeeId: 'E-EXPORT-1', cohort: '售后一组' });
const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-EXPORT-1' });
let server: TestServer;
let dataDir: string;
let tokens: Record<string, string>;
let taken: TakenAttempt;

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  tokens = await seedUsersWithSessions(dataDir, [trainee, lead]);
  server = await startServer({ dataDir });
  // 16 of 20 right, the rest wrong: a pass at the 80% mark.
  taken = await takeExam(signedInClient(server.url, tokens[trainee.id]!), EXAM_ID, content, (index) => index < 16);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('lead exports', () => {
  it('refuses anonymous users with 401 and trainees with 403, as JSON', async () => {
    for (const path of EXPORTS) {
      const anonymous = await new Client(server.url).get(path);
      expect(anonymous.status, path).toBe(401);
      expect((await errorOf(anonymous)).code).toBe('UNAUTHENTICATED');
      const asTrainee = await signedInClient(server.url, tokens[trainee.id]!).get(path);
      expect(asTrainee.status, path).toBe(403);
      expect((await errorOf(asTrainee)).code).toBe('FORBIDDEN');
    }
  });

  it('gives a lead the results as a UTF-8 CSV with BOM, one row per attempt, formula cells defused', async () => {
    const response = await signedInClient(server.url, tokens[lead.id]!).get(`/api/lead/exports/results.csv?exam=${EXAM_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="results-basic-certification-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Streamed as written, page by page from the store's scan: no length up front.
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['姓名', '工号', '班组', '考试']);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(rows[0]!.map((name, index) => [name, rows[1]![index]]));
    expect(row).toMatchObject({
      姓名: `'${trainee.name}`,
      工号: trainee.employeeId,
      班组: '售后一组',
      考试: '售后规则基础认证',
      状态: '已交卷',
      // 16 right of 20: 16 / 20 = 80%, which meets the 0.8 pass mark.
      得分: '16',
      满分: '20',
      得分率: '80%',
      是否通过: '通过',
      证书编号: taken.result.certificateId,
      作答编号: taken.attemptId,
    });
    expect(row['开始时间（北京时间）']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/);
    expect(row['交卷时间（北京时间）']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/);
    const unknown = await signedInClient(server.url, tokens[lead.id]!).get('/api/lead/exports/results.csv?exam=no-such-exam');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('EXAM_NOT_FOUND');
  });

  it('gives a lead the bank as Moodle XML and GIFT that parse back, exam-only items included', async () => {
    const client = signedInClient(server.url, tokens[lead.id]!);
    const xmlResponse = await client.get('/api/lead/exports/question-bank.xml');
    expect(xmlResponse.status).toBe(200);
    expect(xmlResponse.headers.get('content-disposition')).toMatch(/^attachment; filename="question-bank-[\d-]+\.xml"/);
    const xml = await xmlResponse.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const examOnly = content.bank.items.find(({ item }) => item.exam)!.item;
    expect(xml).toContain(`<idnumber>${examOnly.id}</idnumber>`);
    const giftResponse = await client.get('/api/lead/exports/question-bank.gift');
    expect(giftResponse.status).toBe(200);
    const questions = parseGift(await giftResponse.text()).filter((q) => q.type !== 'Category');
    // 522 bank questions: every authored item plus 6 variants per template.
    expect(questions).toHaveLength(content.bank.items.length + content.bank.variants.length);
  });
});
