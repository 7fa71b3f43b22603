import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type DurableIo,
  DurableJsonFile,
  openLowdbStore,
  type Store,
  StoreCorruptError,
} from '../../src/server/store/index.ts';
import { tempDataDir } from './built-server.ts';
import { newAttempt, newUser } from './store-factories.ts';

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

/** Real file-system calls, with each call's name and path recorded in order. */
function recordingIo(log: string[], fail: Partial<Record<'sync' | 'rename' | 'writeFile', boolean>> = {}): DurableIo {
  return {
    async open(path, flags, mode) {
      log.push(`open ${path} ${flags}`);
      const handle = await fs.open(path, flags, mode);
      return {
        writeFile: async (data: string, encoding: BufferEncoding) => {
          log.push(`write ${path}`);
          if (fail.writeFile) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          await handle.writeFile(data, encoding);
        },
        sync: async () => {
          log.push(`fsync ${path}`);
          if (fail.sync && flags !== 'r') throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
          await handle.sync();
        },
        close: async () => {
          log.push(`close ${path}`);
          await handle.close();
        },
      } as Awaited<ReturnType<DurableIo['open']>>;
    },
    async rename(from, to) {
      log.push(`rename ${from} -> ${to}`);
      if (fail.rename) throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' });
      await fs.rename(from, to);
    },
    unlink: async (path) => {
      log.push(`unlink ${path}`);
      await fs.unlink(path);
    },
    readFile: (path, encoding) => fs.readFile(path, encoding),
  };
}

const Doc = z.object({ n: z.number() });

describe('durable JSON file (the lowdb adapter)', () => {
  it('writes a temp file in the same folder, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const log: string[] = [];
    const target = join(dir, 'doc.json');
    await new DurableJsonFile(target, Doc, { io: recordingIo(log) }).write({ n: 1 });
    const temp = log[0]!.split(' ')[1]!;
    expect(temp).toMatch(new RegExp(`^${dir}/\\.doc\\.json\\.[0-9a-f]{12}\\.tmp$`));
    expect(log).toEqual([
      `open ${temp} wx`,
      `write ${temp}`,
      `fsync ${temp}`,
      `close ${temp}`,
      `rename ${temp} -> ${target}`,
      `open ${dir} r`,
      `fsync ${dir}`,
      `close ${dir}`,
    ]);
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ n: 1 });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it.each(['writeFile', 'sync', 'rename'] as const)(
    'leaves the previous file intact and no temp file behind when %s fails',
    async (step) => {
      const target = join(dir, 'doc.json');
      await new DurableJsonFile(target, Doc).write({ n: 1 });
      const file = new DurableJsonFile(target, Doc, { io: recordingIo([], { [step]: true }) });
      await expect(file.write({ n: 2 })).rejects.toThrow();
      expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ n: 1 });
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('serialises concurrent writes to one file: the last write wins and every write resolves', async () => {
    const target = join(dir, 'doc.json');
    const file = new DurableJsonFile(target, Doc);
    await Promise.all(Array.from({ length: 20 }, (_, n) => file.write({ n })));
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ n: 19 });
  });

  it('reads null for a missing file and refuses one that is empty, not JSON, or the wrong shape', async () => {
    const target = join(dir, 'doc.json');
    const file = new DurableJsonFile(target, Doc);
    expect(await file.read()).toBeNull();
    for (const [content, reason] of [
      ['', '文件是空的'],
      ['{"n": 1', '不是有效的 JSON'],
      ['{"n": "one"}', '内容不符合预期的结构：n'],
    ] as const) {
      await writeFile(target, content);
      await expect(file.read()).rejects.toThrow(reason);
      await expect(file.read()).rejects.toBeInstanceOf(StoreCorruptError);
    }
  });
});

describe('store: refusing untrustworthy data at open', () => {
  const cases = [
    ['accounts.json', '{"version":1,"users":[', '不是有效的 JSON'],
    ['sessions.json', '', '文件是空的'],
    ['certificates.json', '{"version":2,"certificates":[]}', '内容不符合预期的结构：version'],
    ['throttle.json', '[]', '内容不符合预期的结构'],
    ['attempts/attempt-0001.json', '{"version":1,"attempt":{"id":"attempt-0001"}}', '内容不符合预期的结构'],
  ] as const;

  it.each(cases)(
    'stops on a corrupt %s, names it, says to restore from backup, and changes no file',
    async (name, content, reason) => {
      await store.close();
      await mkdir(join(dir, 'attempts'), { recursive: true });
      await writeFile(join(dir, name), content);
      const before = await snapshot(dir);
      const error = await openLowdbStore(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreCorruptError);
      expect((error as StoreCorruptError).file).toBe(join(dir, name));
      expect((error as Error).message).toContain(join(dir, name));
      expect((error as Error).message).toContain(reason);
      expect((error as Error).message).toContain('从最近的备份恢复');
      expect(await snapshot(dir)).toEqual(before);
      store = await openLowdbStore(await tempDataDir());
    },
  );

  it('words the refusal for the operator: file, reason, nothing overwritten, restore from backup', () => {
    expect(new StoreCorruptError('/srv/academy/data/sessions.json', '文件是空的').message).toBe(
      [
        '数据文件无法读取，服务器没有启动：/srv/academy/data/sessions.json',
        '  原因：文件是空的',
        '  没有改写任何文件。请停止服务器，从最近的备份恢复这个文件（见 docs/operations.md 的“Data, backup and restore”），再重新启动。',
        '  这个文件也可以直接删除，代价是所有人需要重新登录。',
        '  (The data file /srv/academy/data/sessions.json is unreadable: 文件是空的. Nothing was overwritten. Restore it from the latest',
        '  backup, see docs/operations.md "Data, backup and restore", then start again. Deleting it also works: everyone has to sign in again.)',
      ].join('\n'),
    );
  });

  it('refuses an attempt file whose id is not its file name', async () => {
    await store.createAttempt(newAttempt({ id: 'attempt-aaaa' }));
    await store.close();
    await fs.rename(join(dir, 'attempts/attempt-aaaa.json'), join(dir, 'attempts/attempt-bbbb.json'));
    await expect(openLowdbStore(dir)).rejects.toThrow('文件名是 attempt-bbbb，但其中记录的考试编号是 attempt-aaaa');
    store = await openLowdbStore(await tempDataDir());
  });

  it('removes temp files left by an interrupted write, and only those', async () => {
    await store.createUser(newUser());
    await store.close();
    await writeFile(join(dir, '.accounts.json.0123456789ab.tmp'), '{"half": ');
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    store = await openLowdbStore(dir);
    expect((await readdir(dir)).sort()).toEqual(['accounts.json', 'attempts', 'notes.txt']);
  });
});

async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('store: accounts', () => {
  it('keeps users across a reopen and finds them by employee id in any letter case', async () => {
    const user = newUser({ employeeId: 'Ab-100' });
    expect(await store.createUser(user)).toMatchObject({
      ok: true,
      user: { id: user.id, activatedAt: null, disabled: false },
    });
    await store.close();
    store = await openLowdbStore(dir);
    expect((await store.findUserByEmployeeId(' ab-100 '))?.id).toBe(user.id);
    expect((await store.findUser(user.id))?.name).toBe(user.name);
    expect(await store.countUsers()).toBe(1);
  });

  it('refuses a second account with the same employee id, whatever the case', async () => {
    await store.createUser(newUser({ employeeId: 'X1' }));
    expect(await store.createUser(newUser({ employeeId: 'x1' }))).toEqual({ ok: false, code: 'EMPLOYEE_ID_TAKEN' });
    expect(await store.countUsers()).toBe(1);
  });

  it('creates a batch of trainees with links in one write, skipping taken ids and repeats within the batch', async () => {
    await store.createUser(newUser({ employeeId: 'T1' }));
    const row = (employeeId: string) => {
      const user = newUser({ employeeId });
      return {
        user,
        activation: { tokenHash: 'a'.repeat(63) + employeeId.length, userId: user.id, expiresAt: 10, usedAt: null },
      };
    };
    const rows = [row('T1'), row('T2'), row('t2'), row('T30')];
    rows[3] = { ...rows[3]!, activation: { ...rows[3]!.activation, tokenHash: 'b'.repeat(64) } };
    const result = await store.createTrainees(rows);
    expect(result.taken).toEqual(['T1', 't2']);
    expect(result.created.map((u) => u.employeeId)).toEqual(['T2', 'T30']);
    expect((await store.latestActivationOf(result.created[0]!.id))?.userId).toBe(result.created[0]!.id);
  });

  it('lists users by role and cohort, sorted by cohort then employee id, numbers compared as numbers', async () => {
    await store.createUser(newUser({ employeeId: 'A10', cohort: '售后10组' }));
    await store.createUser(newUser({ employeeId: 'A9', cohort: '售后2组' }));
    await store.createUser(newUser({ employeeId: 'A2', cohort: '售后10组' }));
    await store.createUser(newUser({ employeeId: 'L1', role: 'lead', cohort: null }));
    const trainees = await store.listUsers({ role: 'trainee' });
    expect(trainees.map((u) => `${u.cohort}/${u.employeeId}`)).toEqual(['售后2组/A9', '售后10组/A2', '售后10组/A10']);
    expect((await store.listUsers({ cohort: '售后10组' })).length).toBe(2);
    expect((await store.listUsers({ role: 'lead' }))[0]?.employeeId).toBe('L1');
  });

  it('orders cohorts named with Chinese numerals by number, not by pinyin', async () => {
    for (const cohort of ['售后十二组', '售后二组', '售后十组', '售后一组', '售后三组', 'B组'])
      await store.createUser(newUser({ cohort }));
    expect((await store.listUsers()).map((u) => u.cohort)).toEqual([
      '售后一组',
      '售后二组',
      '售后三组',
      '售后十组',
      '售后十二组',
      'B组',
    ]);
  });

  it('disabling an account also ends all of its sessions', async () => {
    const user = newUser();
    await store.createUser(user);
    await store.createSession({ id: 'a'.repeat(64), userId: user.id, createdAt: 1, expiresAt: 100, lastSeenAt: 1, idleMs: 10 });
    await store.createSession({
      id: 'b'.repeat(64),
      userId: 'someone-else',
      createdAt: 1,
      expiresAt: 100,
      lastSeenAt: 1,
      idleMs: 10,
    });
    expect((await store.setDisabled(user.id, true))?.disabled).toBe(true);
    expect(await store.getSession('a'.repeat(64))).toBeNull();
    expect(await store.getSession('b'.repeat(64))).not.toBeNull();
    expect(await store.setDisabled('nobody', true)).toBeNull();
  });

  it('accepts only the latest setup token, creates the first lead once, then refuses', async () => {
    await store.replaceSetupToken('1'.repeat(64), 1);
    await store.replaceSetupToken('2'.repeat(64), 2);
    expect(await store.isSetupTokenValid('1'.repeat(64))).toBe(false);
    expect(await store.isSetupTokenValid('2'.repeat(64))).toBe(true);
    const lead = newUser({ role: 'lead', passwordHash: '$argon2id$…' });
    expect(await store.createFirstLead('1'.repeat(64), lead)).toEqual({ ok: false, code: 'SETUP_TOKEN_INVALID' });
    expect(await store.createFirstLead('2'.repeat(64), lead)).toMatchObject({
      ok: true,
      user: { role: 'lead', activatedAt: lead.createdAt },
    });
    expect(await store.isSetupTokenValid('2'.repeat(64))).toBe(false);
    expect(await store.createFirstLead('2'.repeat(64), newUser({ role: 'lead' }))).toEqual({
      ok: false,
      code: 'SETUP_ALREADY_DONE',
    });
  });

  it('spends an activation once, refuses it expired or used, and a new link voids the old one', async () => {
    const user = newUser();
    await store.createUser(user);
    const first = { tokenHash: 'c'.repeat(64), userId: user.id, expiresAt: 1000, usedAt: null };
    const second = { ...first, tokenHash: 'd'.repeat(64) };
    await store.createActivation(first);
    await store.createActivation(second);
    expect(await store.findActivation(first.tokenHash, 0)).toEqual({ ok: false, code: 'ACTIVATION_INVALID' });
    expect(await store.findActivation(second.tokenHash, 1001)).toEqual({ ok: false, code: 'ACTIVATION_EXPIRED' });
    expect(await store.findActivation(second.tokenHash, 1000)).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await store.consumeActivation(second.tokenHash, 'hash', 500)).toMatchObject({
      ok: true,
      user: { passwordHash: 'hash', activatedAt: 500 },
    });
    expect(await store.consumeActivation(second.tokenHash, 'other', 600)).toEqual({
      ok: false,
      code: 'ACTIVATION_USED',
    });
    expect((await store.findUser(user.id))?.passwordHash).toBe('hash');
  });
});

describe('store: sessions (lowdb write-behind; the throttle is covered by tests/store/contract.ts)', () => {
  it('creates, touches, prunes and deletes sessions', async () => {
    const session = { id: 'e'.repeat(64), userId: 'u', createdAt: 1, expiresAt: 100, lastSeenAt: 1, idleMs: 10 };
    await store.createSession(session);
    expect(await store.touchSession(session.id, 50)).toEqual({ ...session, lastSeenAt: 50 });
    expect(await store.pruneSessions({ idleEndsUpTo: 59, expiresUpTo: 99 })).toBe(0);
    expect(await store.pruneSessions({ idleEndsUpTo: 60, expiresUpTo: 0 })).toBe(1);
    expect(await store.touchSession(session.id, 60)).toBeNull();
  });

  it('writes last-seen times behind, together, and at close; a crash loses only those', async () => {
    const session = { id: 'f'.repeat(64), userId: 'u', createdAt: 1, expiresAt: 10_000, lastSeenAt: 1, idleMs: 10 };
    await store.createSession(session);
    await store.touchSession(session.id, 500);
    const onDisk = async () => JSON.parse(await readFile(join(dir, 'sessions.json'), 'utf8')).sessions[0].lastSeenAt;
    // Seen at once, not yet written: a crash now would give the session back its older last-seen time.
    expect((await store.getSession(session.id))?.lastSeenAt).toBe(500);
    expect(await onDisk()).toBe(1);
    // Pruning judges the newest time, written or not.
    expect(await store.pruneSessions({ idleEndsUpTo: 109, expiresUpTo: 0 })).toBe(0);
    await store.close();
    expect(await onDisk()).toBe(500);
    store = await openLowdbStore(dir);
    expect((await store.getSession(session.id))?.lastSeenAt).toBe(500);
  });
});

describe('store: attempts', () => {
  const answer = (itemId: string, version: number, response: unknown = 'A', savedAt = 1_700_000_100_000) => ({
    itemId,
    response,
    flagged: false,
    version,
    savedAt,
  });

  it('keeps one small file per attempt, starts it in progress, and refuses a second open attempt at the same exam', async () => {
    const first = newAttempt({ userId: 'u1' });
    expect(await store.createAttempt(first)).toMatchObject({
      ok: true,
      attempt: { status: 'in-progress', fencedAt: null, answers: {} },
    });
    expect(await readdir(join(dir, 'attempts'))).toEqual([`${first.id}.json`]);
    const again = await store.createAttempt(newAttempt({ userId: 'u1' }));
    expect(again).toMatchObject({ ok: false, code: 'ATTEMPT_IN_PROGRESS', attempt: { id: first.id } });
    expect((await store.createAttempt(newAttempt({ userId: 'u1', examId: 'exam-b' }))).ok).toBe(true);
    expect(await store.createAttempt({ ...newAttempt(), id: first.id })).toEqual({
      ok: false,
      code: 'ATTEMPT_ID_TAKEN',
    });
    await expect(store.createAttempt(newAttempt({ id: '../../etc/passwd' }))).rejects.toThrow('URL-safe');
  });

  it('saves answers idempotently: an exact replay of a stored version succeeds as a duplicate and writes nothing', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    expect(await store.saveAnswer(attempt.id, answer('q1', 1, { choice: 'B', note: 'x' }))).toMatchObject({
      ok: true,
      outcome: 'stored',
      version: 1,
    });
    const file = join(dir, 'attempts', `${attempt.id}.json`);
    const before = await stat(file);
    // Same answer, keys in another order, stamped later on arrival: still the same save.
    const replay = await store.saveAnswer(attempt.id, answer('q1', 1, { note: 'x', choice: 'B' }, 1_700_000_200_000));
    expect(replay).toMatchObject({ ok: true, outcome: 'duplicate', version: 1 });
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('orders saves per question only: an older version is superseded and never overwrites, other questions are unaffected', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    await store.saveAnswer(attempt.id, answer('q1', 3, 'A'));
    await store.saveAnswer(attempt.id, answer('q1', 5, 'C'));
    expect(await store.saveAnswer(attempt.id, answer('q1', 4, 'B'))).toMatchObject({ ok: true, outcome: 'superseded', version: 5 });
    // A low version for another question is new for that question: it lands.
    expect(await store.saveAnswer(attempt.id, answer('q2', 1, 'B'))).toMatchObject({ ok: true, outcome: 'stored', version: 1 });
    // Same version, different content (a second tab): the later arrival wins, for that question only.
    expect(await store.saveAnswer(attempt.id, answer('q1', 5, 'D'))).toMatchObject({ ok: true, outcome: 'stored', version: 5 });
    const saved = await store.getAttempt(attempt.id);
    expect(saved?.answers['q1']).toMatchObject({ response: 'D', version: 5 });
    expect(saved?.answers['q2']).toMatchObject({ response: 'B', version: 1 });
  });

  it('fences an attempt once: saves queued before the fence are in the attempt it returns, later ones are refused', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    const before = store.saveAnswer(attempt.id, answer('q1', 1, 'A'));
    const fence = store.fenceAttempt(attempt.id, 1_700_000_200_000);
    const after = store.saveAnswer(attempt.id, answer('q2', 1, 'B'));
    expect(await before).toMatchObject({ ok: true, outcome: 'stored' });
    const fenced = await fence;
    expect(fenced).toMatchObject({ ok: true, attempt: { fencedAt: 1_700_000_200_000, status: 'in-progress' } });
    expect(Object.keys(fenced.ok ? fenced.attempt.answers : {})).toEqual(['q1']);
    expect(await after).toEqual({ ok: false, code: 'ATTEMPT_FENCED' });
    // Idempotent: a second fence keeps the first instant.
    expect(await store.fenceAttempt(attempt.id, 1)).toMatchObject({ ok: true, attempt: { fencedAt: 1_700_000_200_000 } });
    expect(await store.fenceAttempt('attempt-none', 1)).toEqual({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
    // The fence is durable: a reopened store still refuses saves.
    await store.close();
    store = await openLowdbStore(dir);
    expect(await store.saveAnswer(attempt.id, answer('q3', 1))).toEqual({ ok: false, code: 'ATTEMPT_FENCED' });
    const result = { score: 1, maxScore: 3, passed: false, perItem: [], certificateId: null };
    expect((await store.submitAttempt(attempt.id, result, 1_700_000_300_000)).ok).toBe(true);
    expect(await store.fenceAttempt(attempt.id, 1)).toMatchObject({ ok: false, code: 'ATTEMPT_CLOSED' });
  });

  it('refuses answers after the deadline, for items not in the attempt, for unknown attempts, and after submission', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    expect(await store.saveAnswer(attempt.id, answer('q1', 1, 'A', attempt.deadlineAt + 1))).toEqual({
      ok: false,
      code: 'DEADLINE_PASSED',
    });
    expect(await store.saveAnswer(attempt.id, answer('q9', 1))).toEqual({ ok: false, code: 'UNKNOWN_ITEM' });
    expect(await store.saveAnswer('attempt-none', answer('q1', 1))).toEqual({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
    expect((await store.saveAnswer(attempt.id, answer('q1', 1, 'A', attempt.deadlineAt))).ok).toBe(true);
    const result = {
      score: 1,
      maxScore: 3,
      passed: false,
      perItem: [{ itemId: 'q1', correct: true, ruleArea: 'returns' }],
      certificateId: null,
    };
    expect(await store.submitAttempt(attempt.id, result, 1_700_000_300_000)).toMatchObject({
      ok: true,
      attempt: { status: 'submitted', submittedAt: 1_700_000_300_000, result },
    });
    expect(await store.saveAnswer(attempt.id, answer('q2', 2))).toEqual({ ok: false, code: 'ATTEMPT_CLOSED' });
    expect(await store.submitAttempt(attempt.id, result, 1)).toMatchObject({
      ok: false,
      code: 'ATTEMPT_CLOSED',
      attempt: { submittedAt: 1_700_000_300_000 },
    });
    expect(await store.expireAttempt(attempt.id, 1)).toMatchObject({ ok: false, code: 'ATTEMPT_CLOSED' });
    expect(await store.submitAttempt('attempt-none', result, 1)).toEqual({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
  });

  it('expires an open attempt, after which a new attempt at the same exam can start', async () => {
    const attempt = newAttempt({ userId: 'u7' });
    await store.createAttempt(attempt);
    expect(await store.expireAttempt(attempt.id, attempt.deadlineAt + 1)).toMatchObject({
      ok: true,
      attempt: { status: 'expired', result: null, submittedAt: null },
    });
    expect((await store.createAttempt(newAttempt({ userId: 'u7' }))).ok).toBe(true);
  });

  it('an autosave rewrites only its own attempt file', async () => {
    const mine = newAttempt({ userId: 'a' });
    const other = newAttempt({ userId: 'b' });
    await store.createAttempt(mine);
    await store.createAttempt(other);
    const otherFile = join(dir, 'attempts', `${other.id}.json`);
    const before = await readFile(otherFile, 'utf8');
    const beforeMtime = (await stat(otherFile)).mtimeMs;
    for (let seq = 1; seq <= 5; seq += 1) await store.saveAnswer(mine.id, answer('q1', seq, seq));
    expect(await readFile(otherFile, 'utf8')).toBe(before);
    expect((await stat(otherFile)).mtimeMs).toBe(beforeMtime);
  });

  it('serialises concurrent saves to one attempt: all ten resolve and the highest version wins, in any arrival order', async () => {
    const attempt = newAttempt();
    await store.createAttempt(attempt);
    const versions = [3, 9, 1, 10, 4, 7, 2, 8, 6, 5];
    const results = await Promise.all(versions.map((v) => store.saveAnswer(attempt.id, answer('q1', v, v))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await store.getAttempt(attempt.id))?.answers['q1']).toMatchObject({ response: 10, version: 10 });
  });

  it('lists attempts by user, exam and status from memory, oldest first, and keeps them across a reopen', async () => {
    await store.createAttempt(newAttempt({ id: 'attempt-late', userId: 'u1', startedAt: 3 }));
    await store.createAttempt(newAttempt({ id: 'attempt-early', userId: 'u1', examId: 'exam-b', startedAt: 1 }));
    await store.createAttempt(newAttempt({ id: 'attempt-other', userId: 'u2', startedAt: 2 }));
    await store.saveAnswer('attempt-late', answer('q3', 1, ['x']));
    await store.close();
    store = await openLowdbStore(dir);
    expect((await store.listAttempts({ userId: 'u1' })).map((a) => a.id)).toEqual(['attempt-early', 'attempt-late']);
    expect((await store.listAttempts({ examId: 'exam-a' })).map((a) => a.id)).toEqual([
      'attempt-other',
      'attempt-late',
    ]);
    expect((await store.listAttempts({ userId: 'u1', examId: 'exam-b' })).map((a) => a.id)).toEqual(['attempt-early']);
    expect((await store.listAttempts({ status: 'submitted' })).length).toBe(0);
    expect((await store.listAttempts()).length).toBe(3);
    expect((await store.getAttempt('attempt-late'))?.answers['q3']?.response).toEqual(['x']);
    expect((await store.getAttempt('attempt-late'))?.items[1]?.optionOrder).toEqual([2, 0, 1]);
  });
});

describe('store: certificates', () => {
  const certificate = (id: string, userId = 'u1', issuedAt = 10) => ({
    id,
    userId,
    examId: 'exam-a',
    attemptId: `attempt-${id}`,
    issuedAt,
    expiresAt: issuedAt + 1000,
    edition: '2025-11',
    rules: ['R-7DAY-BASIC'],
    revokedAt: null,
    revokedReason: null,
  });

  it('issues, finds, lists and revokes certificates, refusing duplicates and a second revocation', async () => {
    expect((await store.issueCertificate(certificate('cert-b', 'u1', 20))).ok).toBe(true);
    expect((await store.issueCertificate(certificate('cert-a', 'u2', 10))).ok).toBe(true);
    expect(await store.issueCertificate(certificate('cert-a'))).toEqual({ ok: false, code: 'CERTIFICATE_ID_TAKEN' });
    expect((await store.listCertificates()).map((c) => c.id)).toEqual(['cert-a', 'cert-b']);
    expect((await store.listCertificates({ userId: 'u1' })).map((c) => c.id)).toEqual(['cert-b']);
    expect(await store.revokeCertificate('cert-a', '规则变更，需要重新认证', 99)).toMatchObject({
      ok: true,
      certificate: { revokedAt: 99, revokedReason: '规则变更，需要重新认证' },
    });
    expect(await store.revokeCertificate('cert-a', 'again', 100)).toEqual({ ok: false, code: 'CERTIFICATE_REVOKED' });
    expect(await store.revokeCertificate('cert-x', 'x', 1)).toEqual({ ok: false, code: 'CERTIFICATE_NOT_FOUND' });
    await store.close();
    store = await openLowdbStore(dir);
    expect((await store.getCertificate('cert-a'))?.revokedAt).toBe(99);
  });
});

describe('store: closing', () => {
  it('waits for queued writes and then refuses further changes', async () => {
    const pending = store.createUser(newUser({ employeeId: 'LAST' }));
    await store.close();
    expect((await pending).ok).toBe(true);
    await expect(store.createUser(newUser())).rejects.toThrow('The store is closed.');
    store = await openLowdbStore(dir);
    expect(await store.findUserByEmployeeId('LAST')).not.toBeNull();
  });
});

describe('store: failed writes', () => {
  it('leaves readers on the last committed data when a write fails', async () => {
    await store.close();
    const failing = { rename: false };
    const io = recordingIo([]);
    store = await openLowdbStore(dir, {
      io: {
        ...io,
        rename: async (from, to) => (failing.rename ? Promise.reject(new Error('EIO')) : io.rename(from, to)),
      },
    });
    await store.createUser(newUser({ employeeId: 'OK1' }));
    failing.rename = true;
    await expect(store.createUser(newUser({ employeeId: 'LOST' }))).rejects.toThrow('EIO');
    expect(await store.findUserByEmployeeId('LOST')).toBeNull();
    failing.rename = false;
    expect((await store.createUser(newUser({ employeeId: 'OK2' }))).ok).toBe(true);
    expect((await store.listUsers()).map((u) => u.employeeId)).toEqual(['OK1', 'OK2']);
  });
});
