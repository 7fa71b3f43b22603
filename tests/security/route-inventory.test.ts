import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requiredAccess } from '../../src/server/auth/access.ts';
import { classify, INVENTORY, type Audience } from './inventory.ts';
import { discoverRoutes, type DiscoveredRoute, type Method, onDemandRoutes, pathFor, STATE_CHANGING } from './routes.ts';
import {
  CERTIFICATE_ID,
  errorBody,
  EXAM_ID,
  type Identity,
  type SecurityServer,
  startSecurityServer,
  VICTIM,
} from './security-server.ts';

vi.setConfig({ testTimeout: 60_000 });

const routes = onDemandRoutes();
let app: SecurityServer;

beforeAll(async () => {
  app = await startSecurityServer({ sessionsPerUser: 5 });
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

/** Real ids where a GET should find something, so "allowed" is checked on the page's actual content path. */
function readPath(route: DiscoveredRoute): string {
  const id = route.pattern.includes('certificates') || route.pattern.startsWith('/verify')
    ? CERTIFICATE_ID
    : route.pattern.includes('exams') ? EXAM_ID : route.pattern.includes('trainees') ? VICTIM.id : 'no-such-id';
  return pathFor(route.pattern, Object.fromEntries(route.params.map((name) => [name, id])));
}

/** A request that reaches the handler without changing data: unknown ids, empty JSON body. */
function probe(identity: Identity, route: DiscoveredRoute, method: Method) {
  const path = method === 'GET' ? readPath(route) : pathFor(route.pattern);
  return app.send(identity, {
    method,
    path,
    // Logging out ends the session: that probe gets one of its own.
    freshSession: route.pattern === '/api/auth/logout',
    ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
  });
}

function audienceOf(route: DiscoveredRoute): Audience {
  const classification = classify(route);
  if (!classification) throw new Error(`${route.file} is not in the security inventory (tests/security/inventory.ts)`);
  return classification.audience;
}

describe('route inventory (from src/pages)', () => {
  it('finds the on-demand routes the server is known to have', () => {
    const patterns = routes.map((route) => route.pattern);
    expect(patterns).toEqual(expect.arrayContaining(['/api/auth/login', '/api/lead/trainees', '/lead', '/me', '/verify/[id]']));
  });

  it('classifies every on-demand route as public, signed-in or lead-only', () => {
    const unclassified = routes
      .filter((route) => classify(route) === null)
      .map(
        (route) =>
          `${route.file} (${route.pattern}) is rendered per request but not in the security inventory: add it to ` +
          `INVENTORY in tests/security/inventory.ts as public, signed-in or lead, with the methods it exports.`,
      );
    expect(unclassified, unclassified.join('\n')).toEqual([]);
  });

  it('lists no route that no longer exists', () => {
    const existing = new Set(routes.map((route) => route.pattern));
    const stale = Object.keys(INVENTORY).filter((pattern) => !existing.has(pattern));
    expect(stale, `remove from INVENTORY (no such on-demand route): ${stale.join(', ')}`).toEqual([]);
  });

  it('agrees with the access rules the middleware enforces (src/server/auth/access.ts)', () => {
    const disagreements = routes.flatMap((route) => {
      const expected = audienceOf(route);
      const actual = requiredAccess(pathFor(route.pattern));
      return actual === expected ? [] : [`${route.pattern}: inventory says ${expected}, ACCESS_RULES say ${actual}`];
    });
    expect(disagreements, disagreements.join('\n')).toEqual([]);
  });

  it('renders every API route per request and answers unsupported methods with 405 JSON (exports ALL)', () => {
    const apis = discoverRoutes().filter((route) => route.isApi);
    const prerendered = apis.filter((route) => !route.isOnDemand).map((route) => route.file);
    expect(prerendered, `API files must export prerender = false: ${prerendered.join(', ')}`).toEqual([]);
    const withoutCatchAll = apis.filter((route) => !route.hasCatchAll).map((route) => route.file);
    expect(withoutCatchAll, `add \`export const ALL = methodNotAllowed;\` to: ${withoutCatchAll.join(', ')}`).toEqual([]);
  });

  it('serves every API endpoint (and /healthz) on the fast path, behind the same guard, so these tests cover it', () => {
    // src/server/serve/ logs how many routes it serves without Astro's page pipeline and which it left to Astro.
    const endpoints = discoverRoutes().filter((route) => route.isEndpoint && route.isOnDemand && (route.isApi || route.pattern === '/healthz'));
    const line = /(\d+) API routes on the fast path(.*)/.exec(app.server.output());
    expect(line, app.server.output()).not.toBeNull();
    expect(line![2], 'routes left to Astro').not.toContain('left to Astro');
    expect(Number(line![1])).toBe(endpoints.length);
  });

  it('prerenders nothing in a protected area: a static file there would be served to anyone', () => {
    const exposed = discoverRoutes()
      .filter((route) => !route.isOnDemand && (classify(route) ?? { audience: 'public' }).audience !== 'public')
      .map((route) => `${route.file} (${route.pattern})`);
    const alsoByAccessRules = discoverRoutes()
      .filter((route) => !route.isOnDemand && requiredAccess(pathFor(route.pattern)) !== 'public')
      .map((route) => `${route.file} (${route.pattern})`);
    const all = [...new Set([...exposed, ...alsoByAccessRules])];
    expect(all, `add \`export const prerender = false;\` to: ${all.join(', ')}`).toEqual([]);
  });

  it('exports state-changing handlers only where the inventory intends them', () => {
    const problems = routes.flatMap((route) => {
      const classification = classify(route);
      const changing = route.methods.filter((method) => STATE_CHANGING.includes(method));
      // Unclassified routes are reported by the classification test above.
      if (!classification || !route.isEndpoint) return [];
      if (classification.by === 'entry') {
        const intended = [...(classification.methods ?? [])].sort();
        return JSON.stringify([...route.methods].sort()) === JSON.stringify(intended)
          ? []
          : [`${route.file} exports ${route.methods.join(', ') || 'nothing'}; the inventory intends ${intended.join(', ') || 'nothing'}`];
      }
      return changing.length > 0 && !classification.mayChangeState
        ? [`${route.file} exports ${changing.join(', ')} but ${classification.prefix} is a read-only area`]
        : [];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('who reaches each on-demand route (built server)', () => {
  const cases = routes.flatMap((route) => route.methods.map((method) => ({ route, method })));

  it.each(cases.map((c) => [`${c.method} ${c.route.pattern}`, c] as const))('%s: anonymous', async (_, { route, method }) => {
    const response = await probe('anonymous', route, method);
    const audience = audienceOf(route);
    if (audience === 'public') {
      expect(response.status).not.toBe(401);
      expect(response.header('location') ?? '').not.toMatch(/^\/login/);
      return;
    }
    if (route.isApi) {
      expect(response.status).toBe(401);
      expect(errorBody(response).code).toBe('UNAUTHENTICATED');
    } else {
      expect(response.status).toBe(302);
      expect(response.header('location')).toBe(`/login?next=${encodeURIComponent(readPath(route))}`);
    }
  });

  // Each signed-in role is refused the audiences it is not part of (403, said as such) and admitted everywhere else.
  const REFUSED: Record<Exclude<Identity, 'anonymous'>, readonly Audience[]> = { trainee: ['lead', 'studio'], author: ['lead'], lead: [] };
  for (const identity of ['trainee', 'author', 'lead'] as const) {
    it.each(cases.map((c) => [`${c.method} ${c.route.pattern}`, c] as const))(`%s: ${identity}`, async (_, { route, method }) => {
      const response = await probe(identity, route, method);
      if (REFUSED[identity].includes(audienceOf(route))) {
        expect(response.status).toBe(403);
        if (route.isApi) expect(errorBody(response).code).toBe('FORBIDDEN');
        else expect(response.text).toContain('没有权限');
        return;
      }
      expect(response.status).toBeLessThan(500);
      if (route.isApi && response.status >= 400) expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(errorBody(response).code);
      if (!route.isApi) expect(response.text).not.toContain('没有权限');
      expect(response.header('location') ?? '').not.toMatch(/^\/login/);
    });
  }

  it('refuses lead-only routes to trainees and authors, and the studio to trainees, however the path is spelt', async () => {
    const spellings = (path: string) => [
      path.toUpperCase(),
      path.replace('lead', 'Lead'),
      path.replace('lead', '%6Cead'),
      path.replace('lead', '%4Cead'),
      `/${path}`,
      path.replace('/lead', '/lead/.'),
      path.replace('/lead', '/x/../lead'),
    ];
    const refused: [Identity, (audience: Audience) => boolean][] = [
      ['trainee', (audience) => audience === 'lead' || audience === 'studio'],
      ['author', (audience) => audience === 'lead'],
    ];
    const leaks: string[] = [];
    for (const [identity, isRefused] of refused) {
      for (const route of routes.filter((r) => isRefused(audienceOf(r)))) {
        for (const path of spellings(readPath(route))) {
          const response = await app.send(identity, { method: 'GET', path });
          // Refused (401/403), or a path the router does not know (404): never the lead's content.
          if (response.status < 400 || (response.status !== 404 && response.status !== 403 && response.status !== 401)) {
            leaks.push(`${identity} ${path} → ${response.status}`);
          }
        }
      }
    }
    expect(leaks, leaks.join('\n')).toEqual([]);
  });

  it('answers a path that is not valid percent-encoding with 400 before any route runs', async () => {
    // @astrojs/node's standalone handler refuses it as plain text ("Bad request."), so even an API path gets no JSON
    // code here; what matters is that no handler or access check ever sees an undecodable path.
    for (const path of ['/api/attempts/%E0%A4%A/review', '/lead/%C0', '/api/lead/trainees/%']) {
      const response = await app.send('lead', { method: 'GET', path });
      expect(response.status, path).toBe(400);
    }
  });

  it('answers HEAD and OPTIONS on protected routes as it answers GET: anonymous gets nothing', async () => {
    for (const route of routes.filter((r) => audienceOf(r) !== 'public')) {
      for (const method of ['HEAD', 'OPTIONS']) {
        const response = await app.send('anonymous', { method, path: readPath(route) });
        expect([302, 401], `${method} ${route.pattern}`).toContain(response.status);
      }
    }
  });
});

describe('GET on state-changing endpoints', () => {
  const dataFingerprint = () => {
    const files = ['accounts.json', 'certificates.json', 'throttle.json'].map((name) => join(app.dataDir, name));
    const attempts = join(app.dataDir, 'attempts');
    let attemptFiles: string[] = [];
    try {
      attemptFiles = readdirSync(attempts).map((name) => join(attempts, name));
    } catch {
      // No attempt yet.
    }
    const hash = createHash('sha256');
    for (const file of [...files, ...attemptFiles].sort()) {
      hash.update(file);
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update('(missing)');
      }
    }
    return hash.digest('hex');
  };

  it('answers 405 METHOD_NOT_ALLOWED and changes no data, for leads, authors and trainees alike', async () => {
    const writeOnly = routes.filter((route) => route.isEndpoint && !route.methods.includes('GET') && route.methods.length > 0);
    expect(writeOnly.length).toBeGreaterThan(5);
    const before = dataFingerprint();
    for (const route of writeOnly) {
      for (const identity of ['lead', 'author', 'trainee'] as const) {
        const response = await app.send(identity, { method: 'GET', path: readPath(route) });
        const audience = audienceOf(route);
        const refused = identity === 'trainee' ? audience === 'lead' || audience === 'studio' : identity === 'author' && audience === 'lead';
        const expected = refused ? 'FORBIDDEN' : 'METHOD_NOT_ALLOWED';
        expect(errorBody(response).code, `GET ${readPath(route)} as ${identity}`).toBe(expected);
      }
    }
    expect(dataFingerprint()).toBe(before);
  });
});
