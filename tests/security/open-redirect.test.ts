import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawRequest } from './raw-http.ts';
import { type SecurityServer, startSecurityServer, TRAINEE } from './security-server.ts';

vi.setConfig({ testTimeout: 30_000 });

let app: SecurityServer;

beforeAll(async () => {
  app = await startSecurityServer({ sessionsPerUser: 5 });
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

/**
 * `next` values that leave the site once a browser resolves them. The control-character ones work because the URL
 * parser (browsers' and Node's alike) deletes tabs and line breaks before parsing: `/<TAB>/evil.example` is
 * `//evil.example`.
 */
const OFFSITE = ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example', '/\r\\evil.example', '\t//evil.example'];

const query = (next: string) => `?next=${encodeURIComponent(next)}`;

async function redirectAfterLogin(next: string): Promise<string> {
  const response = await rawRequest(app.url, {
    method: 'POST',
    path: `/api/auth/login${query(next)}`,
    headers: { origin: app.url, 'content-type': 'application/json' },
    body: JSON.stringify({ employeeId: TRAINEE.employeeId, password: TRAINEE.password }),
  });
  expect(response.status).toBe(200);
  return response.json<{ redirect: string }>().redirect;
}

describe('where sign-in sends the browser (?next=)', () => {
  it.each(OFFSITE.map((next) => [JSON.stringify(next), next]))('keeps %s on the site after logging in', async (_, next) => {
    const redirect = await redirectAfterLogin(next);
    expect(new URL(redirect, app.url).origin).toBe(app.url);
  });

  it('follows a same-site next', async () => {
    expect(await redirectAfterLogin('/exams/basic-certification?attempt=1')).toBe('/exams/basic-certification?attempt=1');
  });

  it('keeps //, /\\ and absolute next values on the site when an already signed-in account opens /login', async () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example']) {
      const response = await app.send('trainee', { method: 'GET', path: `/login${query(next)}` });
      expect(response.status).toBe(302);
      expect(new URL(response.header('location')!, app.url).origin).toBe(app.url);
    }
  });

  it('keeps /<TAB>/evil.example on the site when an already signed-in account opens /login', async () => {
    const response = await app.send('trainee', { method: 'GET', path: `/login${query('/\t/evil.example')}` });
    expect(new URL(response.header('location')!, app.url).origin).toBe(app.url);
  });

  it('answers /login?next=/<LF>/evil.example for a signed-in account without a 500', async () => {
    const response = await app.send('trainee', { method: 'GET', path: `/login${query('/\n/evil.example')}` });
    expect(response.status).toBeLessThan(500);
  });

  it.each(['/中文', '/cases/退货 运费?tab=规则#裁决', '/é'])('redirects a signed-in account to the non-ASCII path %s, percent-encoded, instead of a 500', async (next) => {
    const response = await app.send('trainee', { method: 'GET', path: `/login${query(next)}` });
    expect(response.status).toBe(302);
    const location = response.header('location')!;
    expect(location).toMatch(/^\/[\x21-\x7e]*$/);
    // The browser reads the same path back.
    const resolved = new URL(location, app.url);
    expect(resolved.origin).toBe(app.url);
    expect(decodeURIComponent(resolved.pathname + resolved.search + resolved.hash)).toBe(next);
  });

  it('sends the browser to a non-ASCII next after logging in, percent-encoded', async () => {
    expect(await redirectAfterLogin('/中文')).toBe('/%E4%B8%AD%E6%96%87');
  });

  it('sends an anonymous visitor of a non-ASCII protected path to /login with that path as next', async () => {
    const response = await app.send('anonymous', { method: 'GET', path: `/lead/${encodeURIComponent('中文')}` });
    expect(response.status).toBe(302);
    const location = new URL(response.header('location')!, app.url);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe('/lead/%E4%B8%AD%E6%96%87');
  });

  it('keeps /..//evil.example a path on this site (it is not normalised into //evil.example)', async () => {
    expect(await redirectAfterLogin('/..//evil.example')).toBe('/..//evil.example');
  });
});
