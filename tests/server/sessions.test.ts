import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  endSession,
  isSessionExpired,
  resumeSession,
  SESSION_LIMITS,
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
    expect((await resumeSession(store, after, 20))?.user.id).toBe(user.id);
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
    expect(isSessionExpired({ id: '', userId: '', createdAt: 0, expiresAt: 10, lastSeenAt: 0, idleMs: 100 }, 10)).toBe(true);
  });
});
