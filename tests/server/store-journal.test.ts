import * as fs from 'node:fs/promises';
import { appendFile, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DurableIo, openLowdbStore, type Store, StoreCorruptError } from '../../src/server/store/index.ts';
import { tempDataDir } from './built-server.ts';
import { newAttempt, newUser } from './store-factories.ts';

// The attempt layout: a snapshot per attempt, an append-only answer log beside it, and attempt-index.jsonl. These
// tests cut files the way a crash would and check what opening makes of them.

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await tempDataDir();
  store = await openLowdbStore(dir);
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const answer = (itemId: string, version: number, response: unknown = 'A') => ({
  itemId,
  response,
  flagged: false,
  version,
  savedAt: 1_700_000_100_000 + version,
});
/** A log line as the store writes it: the server-assigned position and the answer. */
const line = (position: number, saved: ReturnType<typeof answer>) => ({ position, answer: saved });
/** An answer as the store wrote it before per-question versions: the attempt-wide seq, no version. */
const oldAnswer = (itemId: string, seq: number, response: unknown = 'A') => ({
  itemId,
  response,
  flagged: false,
  seq,
  savedAt: 1_700_000_100_000 + seq,
});
const result = { score: 1, maxScore: 3, passed: false, perItem: [], certificateId: null };
const attemptFile = (id: string) => join(dir, 'attempts', `${id}.json`);
const answerLog = (id: string) => join(dir, 'attempts', `${id}.jsonl`);
const indexFile = () => join(dir, 'attempt-index.jsonl');

async function reopen(): Promise<void> {
  await store.close();
  store = await openLowdbStore(dir);
}

async function refusal(): Promise<StoreCorruptError> {
  await store.close();
  const error = await openLowdbStore(dir).then(
    (opened) => {
      store = opened;
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreCorruptError);
  store = await openLowdbStore(await tempDataDir());
  return error as StoreCorruptError;
}

async function lines(path: string): Promise<unknown[]> {
  return (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);
}

describe('attempt files: autosave appends to a log', () => {
  it('appends one line per autosave and never rewrites the snapshot; reopening replays the log', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    const before = await stat(attemptFile(attempt.id));
    await store.saveAnswer(attempt.id, answer('q1', 1, 'A'));
    await store.saveAnswer(attempt.id, answer('q2', 1, ['x', 'y']));
    await store.saveAnswer(attempt.id, answer('q1', 2, 'C'));
    // Superseded and duplicate saves append nothing.
    await store.saveAnswer(attempt.id, answer('q1', 1, 'old'));
    await store.saveAnswer(attempt.id, answer('q2', 1, ['x', 'y']));
    expect((await stat(attemptFile(attempt.id))).mtimeMs).toBe(before.mtimeMs);
    expect(await lines(answerLog(attempt.id))).toEqual([
      line(1, answer('q1', 1, 'A')),
      line(2, answer('q2', 1, ['x', 'y'])),
      line(3, answer('q1', 2, 'C')),
    ]);
    await reopen();
    const saved = await store.getAttempt(attempt.id);
    expect(saved?.answers['q1']).toMatchObject({ response: 'C', version: 2 });
    expect(saved?.answers['q2']).toMatchObject({ response: ['x', 'y'], version: 1 });
  });

  it('loads an attempt written before per-question versions: its seq reads as the version and its log replays', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.close();
    const snapshot = JSON.parse(await readFile(attemptFile(attempt.id), 'utf8')) as { attempt: Record<string, unknown> } & Record<string, unknown>;
    delete snapshot['logPosition'];
    delete snapshot.attempt['fencedAt'];
    snapshot.attempt['lastSeq'] = 2;
    snapshot.attempt['answers'] = { q1: oldAnswer('q1', 1, 'A'), q2: oldAnswer('q2', 2, 'B') };
    await writeFile(attemptFile(attempt.id), JSON.stringify(snapshot));
    // Lines 1–2 were folded into the snapshot before the crash; 3–4 were not.
    const old = [oldAnswer('q1', 1, 'A'), oldAnswer('q2', 2, 'B'), oldAnswer('q1', 3, 'C'), oldAnswer('q3', 4, ['x'])];
    await writeFile(answerLog(attempt.id), old.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    store = await openLowdbStore(dir);
    const saved = await store.getAttempt(attempt.id);
    expect(saved).toMatchObject({ fencedAt: null, status: 'in-progress' });
    expect(saved?.answers['q1']).toMatchObject({ response: 'C', version: 3 });
    expect(saved?.answers['q2']).toMatchObject({ response: 'B', version: 2 });
    expect(saved?.answers['q3']).toMatchObject({ response: ['x'], version: 4 });
    // New saves continue the log after the old lines, and a version below the old seq is superseded.
    expect(await store.saveAnswer(attempt.id, answer('q1', 2, 'stale'))).toMatchObject({ ok: true, outcome: 'superseded', version: 3 });
    expect(await store.saveAnswer(attempt.id, answer('q2', 3, 'D'))).toMatchObject({ ok: true, outcome: 'stored' });
    expect((await lines(answerLog(attempt.id))).at(-1)).toEqual(line(5, answer('q2', 3, 'D')));
    await reopen();
    expect((await store.getAttempt(attempt.id))?.answers).toMatchObject({ q1: { response: 'C' }, q2: { response: 'D' }, q3: { response: ['x'] } });
  });

  it('backfills per-area tallies into an index written before them: the file is read once, then the index alone', async () => {
    const perItem = [
      { itemId: 'q1', correct: true, ruleArea: 'refund' },
      { itemId: 'q2', correct: false, ruleArea: 'freight' },
      { itemId: 'q3', correct: true, ruleArea: 'refund' },
    ];
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.submitAttempt(attempt.id, { score: 2, maxScore: 3, passed: true, perItem, certificateId: null }, attempt.startedAt + 5);
    await store.close();
    // The close line as written before tallies existed (a result without areas).
    const old = (await lines(indexFile())).map((entry) => {
      const record = entry as { op: string; result?: Record<string, unknown> };
      if (record.result) delete record.result['areas'];
      return record;
    });
    await writeFile(indexFile(), old.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    store = await openLowdbStore(dir);
    const expected = [
      { area: 'refund', correct: 2, total: 2 },
      { area: 'freight', correct: 0, total: 1 },
    ];
    const scan = async () => (await store.scanAttempts({}, { after: null, limit: 10 })).attempts;
    expect((await scan())[0]).toMatchObject({ id: attempt.id, score: 2, areas: expected });
    expect((await lines(indexFile())).at(-1)).toMatchObject({ op: 'close', id: attempt.id, result: { areas: expected } });
    const indexLines = (await lines(indexFile())).length;
    await reopen();
    expect((await scan())[0]).toMatchObject({ areas: expected });
    // Nothing more to backfill: no line was appended on the second scan.
    expect(await lines(indexFile())).toHaveLength(indexLines);
  });

  it('ignores a torn last line (a crash mid-append, never acknowledged) and cuts it off before the next append', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.saveAnswer(attempt.id, answer('q1', 1, 'A'));
    await store.close();
    await appendFile(answerLog(attempt.id), '{"position":2,"answer":{"itemId":"q2","response":"B","fla');
    store = await openLowdbStore(dir);
    expect(Object.keys((await store.getAttempt(attempt.id))?.answers ?? {})).toEqual(['q1']);
    expect(await store.saveAnswer(attempt.id, answer('q2', 1, 'B'))).toMatchObject({ ok: true, outcome: 'stored' });
    expect(await lines(answerLog(attempt.id))).toEqual([line(1, answer('q1', 1, 'A')), line(2, answer('q2', 1, 'B'))]);
    await reopen();
    expect((await store.getAttempt(attempt.id))?.answers['q2']).toMatchObject({ response: 'B', version: 1 });
  });

  it('refuses to start on a damaged complete line, naming the log and the line, and changes no file', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.saveAnswer(attempt.id, answer('q1', 1));
    await store.saveAnswer(attempt.id, answer('q2', 2));
    const text = await readFile(answerLog(attempt.id), 'utf8');
    await writeFile(answerLog(attempt.id), text.replace('"q1"', '"q1'));
    const error = await refusal();
    expect(error.file).toBe(answerLog(attempt.id));
    expect(error.message).toContain('第 1 行不是有效的 JSON');
    expect(await readFile(answerLog(attempt.id), 'utf8')).toBe(text.replace('"q1"', '"q1'));
  });

  it('closing folds the log into the snapshot and deletes the log; a log left by a crash after closing is ignored', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.saveAnswer(attempt.id, answer('q1', 1, 'A'));
    const log = await readFile(answerLog(attempt.id), 'utf8');
    await store.submitAttempt(attempt.id, result, 1_700_000_300_000);
    expect(await readdir(join(dir, 'attempts'))).toEqual([`${attempt.id}.json`]);
    const snapshot = JSON.parse(await readFile(attemptFile(attempt.id), 'utf8')) as { attempt: { answers: object } };
    expect(snapshot.attempt.answers).toMatchObject({ q1: { response: 'A', version: 1 } });
    // The crash came between writing the closed snapshot and deleting the log.
    await store.close();
    await writeFile(answerLog(attempt.id), `${log}${JSON.stringify(line(2, answer('q2', 1, 'late')))}\n`);
    store = await openLowdbStore(dir);
    const closed = await store.getAttempt(attempt.id);
    expect(closed?.status).toBe('submitted');
    expect(closed?.answers['q2']).toBeUndefined();
    expect(await readdir(join(dir, 'attempts'))).toEqual([`${attempt.id}.json`]);
  });

  it('folds a long log into the snapshot every 256 answers and keeps every answer across a reopen', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    for (let n = 1; n <= 300; n += 1) await store.saveAnswer(attempt.id, answer(`q${(n % 3) + 1}`, Math.ceil(n / 3), n));
    expect((await lines(answerLog(attempt.id))).length).toBe(300 - 256);
    const snapshot = JSON.parse(await readFile(attemptFile(attempt.id), 'utf8')) as { logPosition: number };
    expect(snapshot.logPosition).toBe(256);
    await reopen();
    const saved = await store.getAttempt(attempt.id);
    expect(saved?.answers).toMatchObject({ q1: { response: 300, version: 100 }, q3: { response: 299 }, q2: { response: 298 } });
  });

  it('skips log lines already in the snapshot (a crash between folding and deleting the log)', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    for (let version = 1; version <= 3; version += 1) await store.saveAnswer(attempt.id, answer('q1', version, version));
    // Two tabs: the same version with other content, stored later. Replaying by version alone could not tell which
    // of the two lines came last; the log's own positions can.
    await store.saveAnswer(attempt.id, answer('q1', 3, 'tab'));
    const log = await readFile(answerLog(attempt.id), 'utf8');
    await store.close();
    const snapshot = JSON.parse(await readFile(attemptFile(attempt.id), 'utf8')) as Record<string, unknown> & { attempt: Record<string, unknown> };
    snapshot['logPosition'] = 4;
    snapshot.attempt['answers'] = { q1: answer('q1', 3, 'tab') };
    await writeFile(attemptFile(attempt.id), JSON.stringify(snapshot));
    await writeFile(answerLog(attempt.id), `${log}${JSON.stringify(line(5, answer('q2', 1, 'new')))}\n`);
    store = await openLowdbStore(dir);
    const saved = await store.getAttempt(attempt.id);
    expect(saved?.answers['q1']).toMatchObject({ version: 3, response: 'tab' });
    expect(saved?.answers['q2']).toMatchObject({ version: 1, response: 'new' });
  });
});

describe('attempt files: a damaged closed attempt', () => {
  it('is left out of lists and reported as unreadable, logged once with its file; the other attempts still list', async () => {
    const good = newAttempt({ userId: 'u1', startedAt: 1 });
    const damaged = newAttempt({ userId: 'u1', startedAt: 2 });
    const other = newAttempt({ userId: 'u2', startedAt: 3 });
    for (const attempt of [good, damaged, other]) {
      await store.createAttempt(attempt);
      await store.submitAttempt(attempt.id, result, 1_700_000_300_000);
    }
    await store.close();
    await writeFile(attemptFile(damaged.id), '{"version":1,"attempt":{"id":');
    // Closed attempts are read when first asked for, so the store still opens.
    store = await openLowdbStore(dir);
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      expect((await store.listAttempts({ userId: 'u1' })).map((a) => a.id)).toEqual([good.id]);
      expect((await store.listAttempts()).map((a) => a.id)).toEqual([good.id, other.id]);
      expect(await store.listUnreadableAttempts({ userId: 'u1' })).toEqual([
        { id: damaged.id, examId: 'exam-a', userId: 'u1', startedAt: 2, status: 'submitted' },
      ]);
      expect(await store.listUnreadableAttempts({ userId: 'u2' })).toEqual([]);
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(attemptFile(damaged.id));
    // Restored from a backup: it lists again.
    await writeFile(attemptFile(damaged.id), await readFile(attemptFile(good.id), 'utf8').then((text) => text.replaceAll(good.id, damaged.id)));
    expect((await store.listAttempts({ userId: 'u1' })).map((a) => a.id)).toEqual([good.id, damaged.id]);
    expect(await store.listUnreadableAttempts()).toEqual([]);
  });
});

describe('attempt index', () => {
  it('writes a start line and a close line per attempt', async () => {
    const attempt = newAttempt({ userId: 'u1' });
    await store.createAttempt(attempt);
    await store.expireAttempt(attempt.id, attempt.deadlineAt);
    expect(await lines(indexFile())).toEqual([
      { op: 'start', id: attempt.id, examId: 'exam-a', userId: 'u1', startedAt: attempt.startedAt },
      { op: 'close', id: attempt.id, status: 'expired' },
    ]);
  });

  it('adopts an attempt file the index does not list (a crash before its index line) and repairs the index', async () => {
    const listed = newAttempt({ userId: 'u1', startedAt: 1 });
    const unlisted = newAttempt({ userId: 'u1', examId: 'exam-b', startedAt: 2 });
    await store.createAttempt(listed);
    await store.createAttempt(unlisted);
    await store.close();
    const index = await lines(indexFile());
    await writeFile(indexFile(), `${JSON.stringify(index[0])}\n`);
    store = await openLowdbStore(dir);
    expect((await store.listAttempts({ userId: 'u1' })).map((a) => a.id)).toEqual([listed.id, unlisted.id]);
    expect(await lines(indexFile())).toHaveLength(2);
  });

  it('trusts the attempt file over the index when a crash came between closing it and its index line', async () => {
    const attempt = newAttempt({ userId: 'u1' });
    await store.createAttempt(attempt);
    await store.submitAttempt(attempt.id, result, 1_700_000_300_000);
    await store.close();
    const index = await lines(indexFile());
    await writeFile(indexFile(), `${JSON.stringify(index[0])}\n`);
    store = await openLowdbStore(dir);
    expect((await store.listAttempts({ status: 'submitted' })).map((a) => a.id)).toEqual([attempt.id]);
    expect((await store.listAttempts({ status: 'in-progress' })).length).toBe(0);
    expect((await store.createAttempt(newAttempt({ userId: 'u1' }))).ok).toBe(true);
  });

  it('rebuilds a deleted index from the attempt files', async () => {
    const open = newAttempt({ userId: 'u1', startedAt: 1 });
    const closed = newAttempt({ userId: 'u2', startedAt: 2 });
    await store.createAttempt(open);
    await store.createAttempt(closed);
    await store.saveAnswer(open.id, answer('q1', 1));
    await store.submitAttempt(closed.id, result, 5);
    await store.close();
    await unlink(indexFile());
    store = await openLowdbStore(dir);
    expect((await store.listAttempts()).map((a) => [a.id, a.status])).toEqual([
      [open.id, 'in-progress'],
      [closed.id, 'submitted'],
    ]);
    expect(await lines(indexFile())).toHaveLength(3);
    expect((await store.getAttempt(open.id))?.answers['q1']).toMatchObject({ version: 1 });
  });

  it('refuses a damaged index line, says deleting the index rebuilds it, and changes no file', async () => {
    await store.createAttempt(newAttempt());
    await store.close();
    await writeFile(indexFile(), `{"op":"start","id":1}\n`);
    const error = await refusal();
    expect(error.file).toBe(indexFile());
    expect(error.message).toContain('第 1 行不符合预期的结构');
    expect(error.message).toContain('这个文件也可以直接删除');
    expect(await readFile(indexFile(), 'utf8')).toBe(`{"op":"start","id":1}\n`);
  });

  it('refuses to start when an attempt file the index lists is missing, naming that file', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.close();
    await unlink(attemptFile(attempt.id));
    const error = await refusal();
    expect(error.file).toBe(attemptFile(attempt.id));
    expect(error.message).toContain('记录了这场考试，但它的文件不存在');
  });

  it('reads closed attempts only when asked, and names a damaged one then (lists leave it out instead of failing)', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.submitAttempt(attempt.id, result, 5);
    await store.close();
    await writeFile(attemptFile(attempt.id), '{"version":1,"attempt":');
    store = await openLowdbStore(dir);
    await expect(store.getAttempt(attempt.id)).rejects.toThrow(attemptFile(attempt.id));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(await store.listAttempts()).toEqual([]);
      expect((await store.listUnreadableAttempts()).map((a) => a.id)).toEqual([attempt.id]);
    } finally {
      console.error = quiet;
    }
  });
});

describe('group commit of the small files', () => {
  it('writes a burst of sessions in fewer file writes than sessions, and every one resolves durable', async () => {
    await store.close();
    let renames = 0;
    const io: DurableIo = {
      open: (path, flags, mode) => fs.open(path, flags, mode),
      rename: async (from, to) => {
        renames += 1;
        await fs.rename(from, to);
      },
      unlink: fs.unlink,
      readFile: (path, encoding) => fs.readFile(path, encoding),
    };
    store = await openLowdbStore(dir, { io });
    const id = (n: number) => n.toString(16).padStart(64, '0');
    await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        store.createSession({ id: id(n), userId: `u${n}`, createdAt: 1, expiresAt: 2, lastSeenAt: 1 }),
      ),
    );
    expect(renames).toBeLessThan(50);
    await reopen();
    for (let n = 0; n < 50; n += 1) expect(await store.getSession(id(n))).not.toBeNull();
  });

  it('rejects only the update that throws; the rest of its group is written', async () => {
    const existing = await store.createUser(newUser({ id: 'u3', employeeId: 'E-3' }));
    if (!existing.ok) throw new Error('setup');
    // importUsers throws inside its update when an id is taken.
    const bad = expect(store.importUsers([existing.user])).rejects.toThrow('exists already');
    const good = store.createUser(newUser({ id: 'u1', employeeId: 'E-1' }));
    await store.createUser(newUser({ id: 'u2', employeeId: 'E-2' }));
    await bad;
    await good;
    await reopen();
    for (const id of ['u1', 'u2', 'u3']) expect(await store.findUser(id)).not.toBeNull();
    expect(await store.countUsers()).toBe(3);
  });
});
