import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SESSION_LIMITS } from '../../src/server/auth/sessions.ts';
import { type Store, TOUCH_WRITE_DELAY_MS } from '../../src/server/store/index.ts';
import { parseSetCookie } from '../server/http-client.ts';
import { rawRequest, type RawResponse } from './raw-http.ts';
import { errorBody, LEAD, OTHER, type SecurityServer, sha256, startSecurityServer, TRAINEE, VICTIM } from './security-server.ts';

vi.setConfig({ testTimeout: 30_000 });

const MINUTE = 60_000;
const token = () => randomBytes(32).toString('base64url');
// Sessions seeded with chosen timestamps stand in for a server clock: the server has no clock injection, but it
// applies the limits to whatever times the store holds, so a session "last seen 2 h 5 min ago" is idle-expired.
const IDLE_EXPIRED = token();
const ABSOLUTE_EXPIRED = token();
const NEARLY_IDLE = token();
const VICTIM_SESSION = token();
const OTHER_SESSION = token();

let app: SecurityServer;
let https: SecurityServer;

beforeAll(async () => {
  const prepare = async (store: Store, now: number) => {
    const session = (value: string, userId: string, createdAt: number, lastSeenAt: number) =>
      store.createSession({ id: sha256(value), userId, createdAt, expiresAt: createdAt + SESSION_LIMITS.absoluteMs, lastSeenAt, idleMs: SESSION_LIMITS.idleMs });
    await session(IDLE_EXPIRED, TRAINEE.id, now - 3 * 60 * MINUTE, now - SESSION_LIMITS.idleMs - 5 * MINUTE);
    await session(ABSOLUTE_EXPIRED, TRAINEE.id, now - SESSION_LIMITS.absoluteMs - 5 * MINUTE, now - MINUTE);
    await session(NEARLY_IDLE, TRAINEE.id, now - 3 * 60 * MINUTE, now - SESSION_LIMITS.idleMs + 20 * MINUTE);
    await session(VICTIM_SESSION, VICTIM.id, now, now);
    await session(OTHER_SESSION, OTHER.id, now, now);
  };
  [app, https] = await Promise.all([
    startSecurityServer({ prepare }),
    startSecurityServer({ env: { PUBLIC_URL: 'https://academy.example.test' } }),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.all([app?.stop(), https?.stop()]);
});

const withCookie = (value: string) => ({ cookie: `asa_session=${value}` });

function me(server: SecurityServer, cookie: string | null): Promise<RawResponse> {
  return rawRequest(server.url, { method: 'GET', path: '/api/auth/me', headers: cookie === null ? {} : withCookie(cookie) });
}

function login(server: SecurityServer, user: typeof LEAD, cookie: string | null = null): Promise<RawResponse> {
  return rawRequest(server.url, {
    method: 'POST',
    path: '/api/auth/login',
    headers: { origin: server.url, 'content-type': 'application/json', ...(cookie === null ? {} : withCookie(cookie)) },
    body: JSON.stringify({ employeeId: user.employeeId, password: user.password }),
  });
}

function sessionCookie(response: RawResponse) {
  const cookie = response.setCookies.map(parseSetCookie).find((c) => c.name === 'asa_session');
  if (!cookie) throw new Error(`no asa_session cookie in ${response.status} ${JSON.stringify(response.setCookies)}`);
  return cookie;
}

const storedSessions = (server: SecurityServer) => readFileSync(join(server.dataDir, 'sessions.json'), 'utf8');

// First: any login prunes expired sessions, which would hide whether a request alone refuses and deletes them.
describe('session expiry, enforced by the server', () => {
  it(`refuses a session idle for more than ${SESSION_LIMITS.idleMs / MINUTE} minutes and deletes it`, async () => {
    expect(storedSessions(app)).toContain(sha256(IDLE_EXPIRED));
    expect((await me(app, IDLE_EXPIRED)).status).toBe(401);
    expect(storedSessions(app)).not.toContain(sha256(IDLE_EXPIRED));
  });

  it('refuses a session older than 12 hours even when it was used a minute ago', async () => {
    expect((await me(app, ABSOLUTE_EXPIRED)).status).toBe(401);
    expect(storedSessions(app)).not.toContain(sha256(ABSOLUTE_EXPIRED));
  });

  it('keeps a session that is still inside the idle limit, and records the activity', async () => {
    const before = JSON.parse(storedSessions(app)) as unknown;
    const lastSeen = (doc: unknown) =>
      JSON.stringify(doc).match(new RegExp(`"id":"${sha256(NEARLY_IDLE)}"[^}]*"lastSeenAt":(\\d+)`))?.[1];
    const seenBefore = Number(lastSeen(before));
    expect((await me(app, NEARLY_IDLE)).status).toBe(200);
    // Last-seen times are written behind, within TOUCH_WRITE_DELAY_MS (the store's unit tests cover writing at close).
    await expect
      .poll(() => Number(lastSeen(JSON.parse(storedSessions(app)))), { timeout: TOUCH_WRITE_DELAY_MS + 10_000, interval: 500 })
      .toBeGreaterThan(seenBefore);
  }, TOUCH_WRITE_DELAY_MS + 20_000);
});

describe('session fixation', () => {
  it('issues a fresh id at login and never adopts an attacker-chosen cookie value', async () => {
    const planted = token();
    const response = await login(app, TRAINEE, planted);
    expect(response.status).toBe(200);
    const issued = sessionCookie(response).value;
    expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued).not.toBe(planted);
    expect((await me(app, planted)).status).toBe(401);
    expect(response.json<{ user: { employeeId: string } }>().user.employeeId).toBe(TRAINEE.employeeId);
    expect((await me(app, issued)).status).toBe(200);
  });

  it("ends a planted live session at login: an attacker's own session id is worthless once the victim signs in", async () => {
    const attackers = app.sessionOf(TRAINEE);
    expect((await me(app, attackers)).status).toBe(200);
    const response = await login(app, LEAD, attackers);
    const issued = sessionCookie(response).value;
    expect(issued).not.toBe(attackers);
    expect((await me(app, attackers)).status).toBe(401);
    const now = await me(app, issued);
    expect(now.json<{ user: { role: string } }>().user.role).toBe('lead');
  });

  it('kills the old cookie when a signed-in account logs in again (rotation)', async () => {
    const first = sessionCookie(await login(app, TRAINEE)).value;
    const second = sessionCookie(await login(app, TRAINEE, first)).value;
    expect(second).not.toBe(first);
    expect((await me(app, first)).status).toBe(401);
    expect((await me(app, second)).status).toBe(200);
  });

  it('refuses malformed, guessed and stolen-from-disk cookie values, and tells the browser to drop them', async () => {
    const live = app.sessionOf(LEAD);
    const attempts = [
      'x',
      'A'.repeat(43),
      `${live}A`,
      live.slice(0, 42),
      sha256(live), // the value stored in sessions.json: a copied data file must not sign anyone in
      `${live.slice(0, 42)}%`,
      live.toUpperCase(),
    ];
    for (const value of attempts) {
      const response = await me(app, value);
      expect(response.status, value).toBe(401);
      expect(errorBody(response).code).toBe('UNAUTHENTICATED');
    }
    const unknown = await me(app, token());
    const cleared = sessionCookie(unknown);
    expect(cleared.attributes.get('expires') ?? cleared.attributes.get('max-age')).toBeDefined();
    expect((await me(app, live)).status).toBe(200);
  });
});

describe('logout', () => {
  it('ends the session on the server: replaying the old cookie afterwards is refused', async () => {
    const value = sessionCookie(await login(app, TRAINEE)).value;
    expect(storedSessions(app)).toContain(sha256(value));
    const out = await rawRequest(app.url, { method: 'POST', path: '/api/auth/logout', headers: { origin: app.url, ...withCookie(value) } });
    expect(out.status).toBe(200);
    expect(storedSessions(app)).not.toContain(sha256(value));
    expect((await me(app, value)).status).toBe(401);
  });

  it('ends every session of an account when a lead disables it', async () => {
    expect((await me(app, VICTIM_SESSION)).status).toBe(200);
    const lead = app.sessionOf(LEAD);
    const disabled = await rawRequest(app.url, {
      method: 'POST',
      path: `/api/lead/trainees/${VICTIM.id}/disable`,
      headers: { origin: app.url, ...withCookie(lead) },
    });
    expect(disabled.status).toBe(200);
    expect((await me(app, VICTIM_SESSION)).status).toBe(401);
    expect(storedSessions(app)).not.toContain(sha256(VICTIM_SESSION));
  });
});

describe('password reset', () => {
  it('ends the sessions that existed before the password was set through a new link', async () => {
    expect((await me(app, OTHER_SESSION)).status).toBe(200);
    const issued = await rawRequest(app.url, {
      method: 'POST',
      path: `/api/lead/trainees/${OTHER.id}/activation`,
      headers: { origin: app.url, ...withCookie(app.sessionOf(LEAD)) },
    });
    expect(issued.status).toBe(201);
    const link = new URL(issued.json<{ link: { url: string } }>().link.url);
    const activated = await rawRequest(app.url, {
      method: 'POST',
      path: '/api/auth/activate',
      headers: { origin: app.url, 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.searchParams.get('token'), password: '重设之后的新口令-2025' }),
    });
    expect(activated.status).toBe(200);
    expect((await me(app, OTHER_SESSION)).status).toBe(401);
    expect((await me(app, sessionCookie(activated).value)).status).toBe(200);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, a browser-session cookie, and not Secure over plain http', async () => {
    const cookie = sessionCookie(await login(app, LEAD));
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.has('max-age')).toBe(false);
    expect(cookie.attributes.has('expires')).toBe(false);
    expect(cookie.attributes.has('domain')).toBe(false);
    expect(cookie.attributes.has('secure')).toBe(false);
  });

  it('is Secure when PUBLIC_URL says people reach the site over https', async () => {
    const cookie = sessionCookie(await login(https, LEAD));
    expect(cookie.attributes.has('secure')).toBe(true);
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
  });

  it('is stored only as its SHA-256 on disk', async () => {
    const value = sessionCookie(await login(app, LEAD)).value;
    const stored = storedSessions(app);
    expect(stored).toContain(sha256(value));
    expect(stored).not.toContain(value);
  });
});
