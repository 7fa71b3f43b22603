import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  endSession,
  holdSessionForAttempt,
  isHeldRequest,
  resumeSession,
  type ResumedSession,
  SESSION_LIMITS,
  sessionStanding,
  sha256Hex,
  startSession,
} from '../../src/server/auth/index.ts';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { tempDataDir } from './built-server.ts';
import { newUser } from './store-factories.ts';

const HOUR = 3_600_000;
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

describe('sessions', () => {
  it('documents its limits: 2 h idle, 12 h absolute', () => {
    expect(SESSION_LIMITS.idleMs).toBe(2 * HOUR);
    expect(SESSION_LIMITS.absoluteMs).toBe(12 * HOUR);
  });

  it('issues 256-bit URL-safe tokens and stores only their SHA-256', async () => {
    const user = newUser();
    await store.createUser(user);
    const token = await startSession(store, user.id, 0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = await readFile(join(dir, 'sessions.json'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).toContain(sha256Hex(token));
  });

  it('ends after 2 h without a request, however recent the login', async () => {
    const user = newUser();
    await store.createUser(user);
    const token = await startSession(store, user.id, 0);
    expect(await resumeSession(store, token, 2 * HOUR - 1)).not.toBeNull();
    expect(await resumeSession(store, token, 4 * HOUR - 2)).not.toBeNull();
    expect(await resumeSession(store, token, 6 * HOUR - 1)).toBeNull();
    expect(await store.getSession(sha256Hex(token))).toBeNull();
  });

  it('ends 12 h after login even while in use', async () => {
    const user = newUser();
    await store.createUser(user);
    const token = await startSession(store, user.id, 0);
    for (let t = HOUR; t < 12 * HOUR; t += HOUR) expect(await resumeSession(store, token, t)).not.toBeNull();
    expect(await resumeSession(store, token, 12 * HOUR)).toBeNull();
  });

  it('记住我: a remembered session survives 29 days without a request and ends 30 days after login', async () => {
    const DAY = 24 * HOUR;
    const user = newUser();
    await store.createUser(user);
    const token = await startSession(store, user.id, 0, undefined, 'remembered');
    expect(SESSION_LIMITS.rememberedMs).toBe(30 * DAY);
    expect(await store.getSession(sha256Hex(token))).toMatchObject({ expiresAt: 30 * DAY, idleMs: 30 * DAY });
    expect(await resumeSession(store, token, 29 * DAY)).not.toBeNull();
    // A browser session started meanwhile prunes only by each session's own idle limit: the remembered one stays.
    await startSession(store, user.id, 29 * DAY + HOUR);
    expect(await resumeSession(store, token, 29 * DAY + 2 * HOUR)).not.toBeNull();
    expect(await resumeSession(store, token, 30 * DAY)).toBeNull();
  });

  it('rotates at login: the session the request came with no longer works', async () => {
    const user = newUser();
    await store.createUser(user);
    const before = await startSession(store, user.id, 0);
    const after = await startSession(store, user.id, 10, before);
    expect(after).not.toBe(before);
    expect(await resumeSession(store, before, 20)).toBeNull();
    expect(((await resumeSession(store, after, 20)) as ResumedSession).user.id).toBe(user.id);
  });

  it('refuses sessions of disabled accounts, malformed tokens, and ended sessions', async () => {
    const user = newUser();
    await store.createUser(user);
    const token = await startSession(store, user.id, 0);
    expect(await resumeSession(store, 'not a token', 1)).toBeNull();
    expect(await resumeSession(store, undefined, 1)).toBeNull();
    const other = await startSession(store, user.id, 0);
    await endSession(store, other);
    expect(await resumeSession(store, other, 1)).toBeNull();
    await store.setDisabled(user.id, true);
    expect(await resumeSession(store, token, 1)).toBeNull();
  });

  it('records activity at most once a minute', async () => {
    const user = newUser();
    await store.createUser(user);
    const token = await startSession(store, user.id, 0);
    await resumeSession(store, token, 59_999);
    expect((await store.getSession(sha256Hex(token)))?.lastSeenAt).toBe(0);
    await resumeSession(store, token, 60_000);
    expect((await store.getSession(sha256Hex(token)))?.lastSeenAt).toBe(60_000);
    expect(sessionStanding({ id: '', userId: '', createdAt: 0, expiresAt: 10, lastSeenAt: 0, idleMs: 100 }, 10)).toBe('ended');
  });
});

describe('an exam attempt past the 12 h limit (exam hold)', () => {
  const MINUTE = 60_000;
  const examUrl = (attemptId: string) => new URL(`http://academy.test/exams/cert?attempt=${attemptId}`);
  const apiUrl = (attemptId: string, rest = '') => new URL(`http://academy.test/api/attempts/${attemptId}${rest}`);
  // Started 11 h 30 min after login, 60 minutes + 30 s grace: the deadline is 30.5 minutes past the 12 h.
  const attempt = { id: 'att-1', deadlineAt: 11.5 * HOUR + 60 * MINUTE + 30_000 };
  const holdEnd = attempt.deadlineAt + SESSION_LIMITS.examHoldAfterDeadlineMs;

  async function heldSession() {
    const user = newUser();
    await store.createUser(user);
    const token = await startSession(store, user.id, 0);
    // In use all day (the idle limit is 2 h).
    for (let t = HOUR; t < 11.5 * HOUR; t += HOUR) await resumeSession(store, token, t);
    const session = ((await resumeSession(store, token, 11.5 * HOUR)) as ResumedSession).session;
    await holdSessionForAttempt(store, session, attempt, 11.5 * HOUR);
    return { user, token, id: sha256Hex(token) };
  }

  it('holds a session that would end before the attempt: until its deadline plus the time to show the result', async () => {
    const { id } = await heldSession();
    expect(SESSION_LIMITS.examHoldAfterDeadlineMs).toBe(10 * MINUTE);
    expect((await store.getSession(id))?.examHold).toEqual({ attemptId: 'att-1', until: holdEnd });
  });

  it('past 12 h serves the held attempt’s API and exam page, and nothing else, without ending the session', async () => {
    const { user, token, id } = await heldSession();
    const at = 12 * HOUR + 10 * MINUTE;
    for (const url of [apiUrl('att-1'), apiUrl('att-1', '/answers'), apiUrl('att-1', '/submit'), examUrl('att-1'), new URL('http://academy.test/api/auth/me')]) {
      const resumed = await resumeSession(store, token, at, url);
      expect(resumed, url.href).toMatchObject({ user: { id: user.id }, isHeld: true });
    }
    for (const url of [
      new URL('http://academy.test/me'),
      new URL('http://academy.test/lead'),
      new URL('http://academy.test/exams/cert'),
      new URL('http://academy.test/exams/cert?attempt=att-2'),
      new URL('http://academy.test/exams/cert/x?attempt=att-1'),
      apiUrl('att-10'),
      apiUrl('att-2', '/answers'),
      new URL('http://academy.test/api/exams/cert/start'),
      new URL('http://academy.test/api/%61ttempts/att-1'),
    ]) {
      expect(await resumeSession(store, token, at, url), url.href).toBe('held-elsewhere');
    }
    expect(await resumeSession(store, token, at)).toBe('held-elsewhere');
    expect(await store.getSession(id)).not.toBeNull();
  });

  it('never lifts the idle limit, and ends the session when the hold runs out', async () => {
    const idle = await heldSession();
    // Last seen at 11.5 h: idle from 13.5 h, hold or not.
    expect(await resumeSession(store, idle.token, 13.5 * HOUR, apiUrl('att-1'))).toBeNull();
    expect(await store.getSession(idle.id)).toBeNull();

    const { token, id } = await heldSession();
    expect(await resumeSession(store, token, holdEnd - 1, apiUrl('att-1'))).toMatchObject({ isHeld: true });
    expect(await resumeSession(store, token, holdEnd, apiUrl('att-1'))).toBeNull();
    expect(await store.getSession(id)).toBeNull();
  });

  it('is live until 12 h as always; within them a request anywhere is not held', async () => {
    const { token } = await heldSession();
    expect(await resumeSession(store, token, 12 * HOUR - 1, new URL('http://academy.test/me'))).toMatchObject({ isHeld: false });
    expect(await resumeSession(store, token, 12 * HOUR, new URL('http://academy.test/me'))).toBe('held-elsewhere');
  });

  it('holds only when needed, only a live session, and never chains', async () => {
    const user = newUser();
    await store.createUser(user);
    const early = await startSession(store, user.id, 0);
    const earlySession = ((await resumeSession(store, early, HOUR)) as ResumedSession).session;
    // An attempt that ends well inside the 12 h: no hold.
    await holdSessionForAttempt(store, earlySession, { id: 'a', deadlineAt: 2 * HOUR }, HOUR);
    expect((await store.getSession(sha256Hex(early)))?.examHold).toBeUndefined();

    // Held for att-1; once past 12 h it cannot be held for another attempt, nor further for the same one.
    const { id } = await heldSession();
    const held = (await store.getSession(id))!;
    await holdSessionForAttempt(store, held, { id: 'att-2', deadlineAt: 13 * HOUR }, 12 * HOUR + MINUTE);
    await holdSessionForAttempt(store, held, { id: 'att-1', deadlineAt: 14 * HOUR }, 12 * HOUR + MINUTE);
    expect((await store.getSession(id))?.examHold).toEqual({ attemptId: 'att-1', until: holdEnd });
    expect(await holdSessionForAttempt(store, null, attempt, 0)).toBeUndefined();
  });

  it('a held session survives a login elsewhere (prune) until the hold ends', async () => {
    const { user, id } = await heldSession();
    await startSession(store, user.id, 12 * HOUR + MINUTE);
    expect(await store.getSession(id)).not.toBeNull();
    await startSession(store, user.id, holdEnd);
    expect(await store.getSession(id)).toBeNull();
  });

  it('matches held requests by exact path and attempt', () => {
    const hold = { attemptId: 'abc', until: 1 };
    expect(isHeldRequest(hold, new URL('http://x/api/attempts/abc/review'))).toBe(true);
    expect(isHeldRequest(hold, new URL('http://x/exams/cert?attempt=abc'))).toBe(true);
    expect(isHeldRequest(hold, new URL('http://x/api/attempts/abcd'))).toBe(false);
    expect(isHeldRequest(hold, new URL('http://x/exams/cert?attempt=ABC'))).toBe(false);
    expect(isHeldRequest(hold, new URL('http://x/me?attempt=abc'))).toBe(false);
  });
});
