import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../server/built-server.ts';
import type { RawResponse } from './raw-http.ts';
import { onDemandRoutes, pathFor, STATE_CHANGING } from './routes.ts';
import {
  CERTIFICATE_ID,
  errorBody,
  EXAM_ID,
  LEAD,
  type SecurityServer,
  startSecurityServer,
  VICTIM,
} from './security-server.ts';

vi.setConfig({ testTimeout: 60_000 });

const PUBLIC_URL = 'https://academy.example.test';
let app: SecurityServer;
let proxied: SecurityServer;

beforeAll(async () => {
  [app, proxied] = await Promise.all([
    startSecurityServer({ sessionsPerUser: 30 }),
    startSecurityServer({ sessionsPerUser: 5, env: { PUBLIC_URL } }),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.all([app?.stop(), proxied?.stop()]);
});

/**
 * Every state-changing handler, with a path and body that WOULD succeed if the request were let through: a refused
 * forgery then provably changed nothing (the victim stays enabled, the certificate unrevoked, nobody signs in).
 */
const targets = onDemandRoutes()
  .filter((route) => route.isEndpoint)
  .flatMap((route) => route.methods.filter((m) => STATE_CHANGING.includes(m)).map((method) => ({ route, method })))
  .map(({ route, method }) => {
    const id = route.pattern.includes('trainees') ? VICTIM.id : route.pattern.includes('certificates') ? CERTIFICATE_ID : EXAM_ID;
    // A getter: the practice body names an item of the built bank, and the build happens in beforeAll.
    const bodies = (): Record<string, unknown> => ({
      '/api/auth/login': { employeeId: LEAD.employeeId, password: LEAD.password },
      '/api/lead/trainees': { name: '伪造学员', employeeId: 'FORGED-1', cohort: '伪造组' },
      '/api/lead/trainees/import': { csv: '姓名,工号,班组\n伪造学员,FORGED-2,伪造组\n' },
      '/api/lead/certificates/[id]/revoke': { reason: '跨站伪造的撤销' },
      '/api/practice/progress': { owner: null, items: { [practiceItemId()]: { attempts: [{ at: Date.now(), isCorrect: true, keyVersion: 'k' }], card: null } } },
    });
    return {
      label: `${method} ${route.pattern}`,
      method,
      path: pathFor(route.pattern, Object.fromEntries(route.params.map((p) => [p, id]))),
      get body() {
        return JSON.stringify(bodies()[route.pattern] ?? {});
      },
    };
  });

/** A practice item the built bank offers, so a forged sync would be stored if it were let through. */
function practiceItemId(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'dist/client/practice/items.json'), 'utf8')) as { items: { id: string }[] }).items[0]!.id;
}

function dataFingerprint(server: SecurityServer): string {
  const hash = createHash('sha256');
  const attempts = join(server.dataDir, 'attempts');
  let files = ['accounts.json', 'certificates.json', 'sessions.json', 'practice.json'].map((name) => join(server.dataDir, name)).filter((file) => existsSync(file));
  try {
    files = files.concat(readdirSync(attempts).map((name) => join(attempts, name)));
  } catch {
    // No attempt written yet.
  }
  for (const file of files.sort()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

function expectRefused(response: RawResponse, label: string): void {
  expect(response.status, label).toBe(403);
  expect(errorBody(response).code, label).toBe('CROSS_ORIGIN_REFUSED');
  expect(response.setCookies, `${label} must not set a session`).toEqual([]);
}

describe('state-changing requests from elsewhere (a signed-in lead as the victim)', () => {
  // JSON bodies reach our middleware, which answers with the stable code.
  const forgeries: { readonly name: string; readonly headers: (url: string) => Record<string, string> }[] = [
    { name: 'a foreign Origin', headers: () => ({ origin: 'https://evil.example' }) },
    { name: 'no Origin and no Sec-Fetch-Site', headers: () => ({}) },
    { name: 'Origin: null (sandboxed frame, data: URL)', headers: () => ({ origin: 'null' }) },
    { name: 'no Origin with Sec-Fetch-Site: cross-site', headers: () => ({ 'sec-fetch-site': 'cross-site' }) },
    { name: 'no Origin with Sec-Fetch-Site: same-site (a sibling subdomain)', headers: () => ({ 'sec-fetch-site': 'same-site' }) },
    { name: 'a look-alike Origin with our origin as prefix', headers: (url) => ({ origin: `${url}.evil.example` }) },
    { name: 'our host on another port', headers: (url) => ({ origin: url.replace(/:\d+$/, ':1') }) },
    { name: 'our host over https', headers: (url) => ({ origin: url.replace('http:', 'https:') }) },
    { name: 'a foreign Origin claiming Sec-Fetch-Site: same-origin', headers: () => ({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }) },
  ];

  it.each(forgeries.map((f) => [f.name, f] as const))('refuses %s on every state-changing route, changing nothing', async (_, forgery) => {
    const cookie = `asa_session=${app.sessionOf(LEAD)}`;
    const before = dataFingerprint(app);
    for (const target of targets) {
      const response = await app.send('anonymous', {
        method: target.method,
        path: target.path,
        origin: null,
        headers: { cookie, 'content-type': 'application/json', ...forgery.headers(app.url) },
        body: target.body,
      });
      expectRefused(response, target.label);
    }
    expect(dataFingerprint(app)).toBe(before);
  });

  // Astro's own checkOrigin (on by default) answers form-like posts before our middleware runs.
  const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'];

  it('refuses cross-site form posts (urlencoded, multipart, text/plain) on every state-changing route, changing nothing', async () => {
    const cookie = `asa_session=${app.sessionOf(LEAD)}`;
    const before = dataFingerprint(app);
    for (const target of targets) {
      for (const type of FORM_TYPES) {
        for (const origin of ['https://evil.example', 'null']) {
          const response = await app.send('anonymous', {
            method: target.method,
            path: target.path,
            origin,
            headers: { cookie, 'content-type': type },
            body: type.startsWith('multipart') ? '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n' : 'reason=forged&employeeId=SEC-LEAD',
          });
          expect(response.status, `${target.label} ${type} from ${origin}`).toBe(403);
          expect(response.setCookies).toEqual([]);
        }
      }
    }
    expect(dataFingerprint(app)).toBe(before);
  });

  it('answers cross-site form posts with the stable JSON code CROSS_ORIGIN_REFUSED', async () => {
    const response = await app.send('lead', {
      method: 'POST',
      path: '/api/auth/logout',
      origin: 'https://evil.example',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expectRefused(response, 'POST /api/auth/logout as a cross-site form');
  });

  it('refuses a cross-site POST to a page rendered per request, with a Chinese 403 page', async () => {
    const response = await app.send('lead', {
      method: 'POST',
      path: '/lead/trainees',
      origin: 'https://evil.example',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(response.text).toContain('这个请求不是从本站页面发出的');
  });

  it('leaves the lead signed in after a forged logout', async () => {
    const cookie = `asa_session=${app.sessionOf(LEAD)}`;
    const forged = await app.send('anonymous', { method: 'POST', path: '/api/auth/logout', origin: 'https://evil.example', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expectRefused(forged, 'forged logout');
    expect((await app.send('anonymous', { method: 'GET', path: '/api/auth/me', headers: { cookie } })).status).toBe(200);
  });
});

describe('state-changing requests from our own pages', () => {
  it('are accepted with our Origin on every state-changing route', async () => {
    for (const target of targets) {
      // Unknown ids and empty bodies: the request reaches the handler, which refuses it on its merits.
      const response = await app.send('lead', {
        method: target.method,
        path: target.path.replace(VICTIM.id, 'no-such-id').replace(CERTIFICATE_ID, 'no-such-id').replace(EXAM_ID, 'no-such-id'),
        freshSession: target.label.endsWith('/logout'),
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status, target.label).toBeLessThan(500);
      if (response.status >= 400) expect(errorBody(response).code, target.label).not.toBe('CROSS_ORIGIN_REFUSED');
    }
  });

  it('are accepted without Origin when the browser says Sec-Fetch-Site: same-origin', async () => {
    const response = await app.send('trainee', {
      method: 'POST',
      path: `/api/exams/${EXAM_ID}/start`,
      origin: null,
      headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: '{}',
    });
    expect([200, 201]).toContain(response.status);
  });

  it('accept PUBLIC_URL as our Origin behind a TLS proxy (JSON body)', async () => {
    const response = await proxied.send('trainee', {
      method: 'POST',
      path: `/api/exams/${EXAM_ID}/start`,
      origin: PUBLIC_URL,
      headers: { host: new URL(PUBLIC_URL).host, 'content-type': 'application/json' },
      body: '{}',
    });
    expect([200, 201]).toContain(response.status);
  });

  it('accept PUBLIC_URL as our Origin behind a TLS proxy for a POST without a body (exam start)', async () => {
    const response = await proxied.send('trainee', {
      method: 'POST',
      path: `/api/exams/${EXAM_ID}/start`,
      origin: PUBLIC_URL,
      headers: { host: new URL(PUBLIC_URL).host },
    });
    expect([200, 201]).toContain(response.status);
  });

  it('are still refused behind the proxy from a foreign Origin', async () => {
    const response = await proxied.send('trainee', {
      method: 'POST',
      path: `/api/exams/${EXAM_ID}/start`,
      origin: 'https://evil.example',
      headers: { host: new URL(PUBLIC_URL).host, 'content-type': 'application/json' },
      body: '{}',
    });
    expectRefused(response, 'foreign Origin behind the proxy');
  });
});
