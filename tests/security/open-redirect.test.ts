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
});
