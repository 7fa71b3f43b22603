import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attemptService, loadExamContent } from '../../src/server/exams/index.ts';
import { resultsCsv } from '../../src/server/exports/index.ts';
import { analyseStoredAttempts } from '../../src/server/item-analysis/index.ts';
import { openLowdbStore, type User } from '../../src/server/store/index.ts';
import { ROOT, tempDataDir } from './built-server.ts';
import { newUser } from './store-factories.ts';

const content = loadExamContent(join(ROOT, 'content'));
const EXAM_ID = 'basic-certification';
let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('item analysis of stored attempts', () => {
  it('maps the first option shown back through each stored option order, and leaves in-progress attempts out', async () => {
    dataDir = await tempDataDir();
    const store = await openLowdbStore(dataDir);
    const users: User[] = [];
    for (const user of [newUser({ name: '甲' }), newUser({ name: '乙', cohort: '售后二组' })]) {
      const created = await store.createUser(user);
      if (!created.ok) throw new Error(created.code);
      users.push(created.user);
    }
    const service = attemptService(store, content);
    const { attempt } = await service.start(users[0]!, EXAM_ID);
    await service.start(users[1]!, EXAM_ID);
    const paper = (await store.getAttempt(attempt.id))!.items;
    // Every question answered with what is shown first: display index 0, [0], true, or the keyed order.
    for (const entry of paper) {
      const { key } = content.lookup(entry.itemId)!;
      const response = key.type === 'single' ? 0 : key.type === 'multiple' ? [0] : key.type === 'truefalse' ? true : [...key.answer];
      await service.save(users[0]!, attempt.id, { itemId: entry.itemId, response, flagged: false, version: 1 });
    }
    await service.submit(users[0]!, attempt.id);

    const analysis = await analyseStoredAttempts(store, content, { examId: EXAM_ID });
    expect(analysis).toMatchObject({ attempts: 1, inProgress: 1 });
    const statsOf = (itemId: string) => {
      const templateId = itemId.includes('~') ? itemId.slice(0, itemId.indexOf('~')) : null;
      const row = analysis.rows.find((r) => r.id === (templateId ?? itemId))!;
      return templateId ? row.variants.find((variant) => variant.id === itemId)! : row.stats;
    };
    for (const entry of paper) {
      const { key } = content.lookup(entry.itemId)!;
      const stats = statsOf(entry.itemId);
      const chosen = stats.options.filter((option) => option.count > 0).map((option) => option.id);
      // Shown first = authored optionOrder[0]; right exactly when that is the key (multiple: when the key is that one statement).
      if (key.type === 'single') {
        expect(chosen, entry.itemId).toEqual([String(entry.optionOrder![0])]);
        expect(stats.correctCount, entry.itemId).toBe(entry.optionOrder![0] === key.answer ? 1 : 0);
      } else if (key.type === 'multiple') {
        expect(chosen, entry.itemId).toEqual([String(entry.optionOrder![0])]);
        expect(stats.correctCount, entry.itemId).toBe(key.answer.length === 1 && key.answer[0] === entry.optionOrder![0] ? 1 : 0);
      } else if (key.type === 'truefalse') {
        expect(chosen, entry.itemId).toEqual(['true']);
        expect(stats.correctCount, entry.itemId).toBe(key.answer ? 1 : 0);
      } else {
        expect(stats.correctCount, entry.itemId).toBe(1);
      }
      expect(stats.n).toBe(1);
    }
    const bank = await analyseStoredAttempts(store, content, 'bank');
    expect(bank.rows.map((r) => r.id)).toEqual(analysis.rows.map((r) => r.id));
    expect(analysis.info(analysis.rows[0]!.id)?.stem.length).toBeGreaterThan(4);

    const csv = await resultsCsv(store, content.exams, EXAM_ID);
    const lines = csv.slice(1).split('\r\n');
    // Header, two attempts (oldest first) and the empty string after the final CRLF.
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^甲,E\d+,售后一组,售后规则基础认证,basic-certification,/);
    // The in-progress attempt has no close time and no result: empty cells.
    expect(lines[2]).toMatch(/^乙,E\d+,售后二组,售后规则基础认证,basic-certification,[^,]+,,进行中,,,,,,/);
    await store.close();
  });
});
