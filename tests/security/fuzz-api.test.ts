import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_ERRORS } from '../../src/server/http/api-errors.ts';
import { ROOT } from '../server/built-server.ts';
import { anyJson, bodyFor, type FuzzBody, idParam, integerField, type JsonText, oneOfField, queryJunk, studioModel, studioPath, textField } from './fuzz-bodies.ts';
import type { RawResponse } from './raw-http.ts';
import { discoverRoutes, pathFor } from './routes.ts';
import {
  AUTHOR,
  CERTIFICATE_ID,
  EXAM_ID,
  type Identity,
  LEAD,
  OTHER,
  type SecurityServer,
  startSecurityServer,
  TRAINEE,
  VICTIM,
} from './security-server.ts';

/**
 * Fuzzes every API route of the built server with seeded fast-check input: 0 answers ≥ 500, and every error a JSON
 * body with a catalogued code matching its status, without stack traces or server paths. Reproduce a failure with
 * the printed seed: SECURITY_FUZZ_SEED=<seed> npx vitest run tests/security/fuzz-api.test.ts.
 */
const SEED = Number(process.env.SECURITY_FUZZ_SEED ?? 20_251_122);
const TOTAL_CASES = Number(process.env.SECURITY_FUZZ_CASES ?? 10_000);
const CONCURRENCY = 4;

vi.setConfig({ testTimeout: 240_000 });

let app: SecurityServer;
let attemptId = '';
let itemIds: string[] = [];

beforeAll(async () => {
  app = await startSecurityServer({ sessionsPerUser: 150 });
  // The fuzzed trainee has an exam in progress, so answers and reads reach the attempt code, not just its 404.
  const started = await app.send('trainee', { method: 'POST', path: `/api/exams/${EXAM_ID}/start` });
  if (started.status !== 201) throw new Error(`could not start the seeded attempt: ${started.status} ${started.text}`);
  const attempt = started.json<{ attempt: { id: string; questions: { id: string }[] } }>().attempt;
  attemptId = attempt.id;
  itemIds = attempt.questions.map((question) => question.id);
  practiceIds = (JSON.parse(readFileSync(join(ROOT, 'dist/client/practice/items.json'), 'utf8')) as { items: { id: string }[] }).items.slice(0, 12).map((item) => item.id);
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

interface Generator {
  /** Share of the case budget, relative to other routes. */
  readonly weight: number;
  /** The body; routes that read none are still sent bodies, since a client may send anything. */
  readonly body: () => fc.Arbitrary<FuzzBody> | null;
  /** Path parameters by name. */
  readonly params?: () => Readonly<Record<string, fc.Arbitrary<string>>>;
  /** A request that may end the identity's session gets a session of its own. */
  readonly endsSession?: boolean;
}

const json = (value: string) => JSON.stringify(value);
const matching = (pattern: RegExp) => fc.stringMatching(pattern).map(json);
const validOr = (valid: fc.Arbitrary<JsonText>, otherwise: fc.Arbitrary<JsonText>) =>
  fc.oneof({ weight: 1, arbitrary: valid }, { weight: 2, arbitrary: otherwise });
const employeeId = validOr(
  fc.oneof(fc.constantFrom(json(LEAD.employeeId), json(TRAINEE.employeeId), json(VICTIM.employeeId.toLowerCase())), matching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/)),
  textField(64),
);
const token = validOr(matching(/^[A-Za-z0-9_-]{20,100}$/), textField(100));
// Bounded: login hashes the password (Argon2, ~15 ms), and the limit of 512 characters is checked before hashing.
const password = validOr(fc.string({ minLength: 10, maxLength: 40 }).map(json), textField(40));
const name = textField(40);
const cohort = textField(40);

/** CSV text as a spreadsheet would export it, with junk in the cells, or anything else. */
const csv = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '\ufeff'),
        fc.constantFrom('姓名,工号,班组', 'name,employeeId,cohort', '工号,姓名', '"姓名","工号","班组"', ''),
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), fc.string({ maxLength: 10 })), fc.string({ maxLength: 8 })), { maxLength: 20 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
      )
      .map(([bom, header, rows, eol, quote]) =>
        json(`${bom}${header}${eol}${rows.map((row) => row.map((cell) => (quote ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join(eol)}`),
      ),
  },
  { weight: 1, arbitrary: fc.constant(json(`姓名,工号,班组\n${'学员,E1,一组\n'.repeat(1_001)}`)) },
  { weight: 1, arbitrary: fc.constant(json('姓名,工号,班组\n"未闭合,E2,一组\n')) },
  { weight: 3, arbitrary: textField(2_000) },
);

/** A CSV file's bytes as the trainees page sends them: UTF-8 or GBK-ish bytes in base64, broken base64, or anything else. */
const csvBase64 = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => json(Buffer.from(bytes).toString('base64'))) },
  {
    weight: 2,
    arbitrary: fc.string({ maxLength: 200 }).map((text) => json(Buffer.from(`姓名,工号,班组\n${text}`).toString('base64'))),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(json) },
  { weight: 1, arbitrary: textField(200) },
);

/** The autosave `response`: the shapes the schema allows, with wrong members, and anything else. */
const answerResponse = fc.oneof(
  integerField,
  fc.array(integerField, { maxLength: 12 }).map((items) => `[${items.join(',')}]`),
  fc.constantFrom('true', 'false', 'null'),
  fc.array(textField(200), { maxLength: 22 }).map((items) => `[${items.join(',')}]`),
  anyJson,
);

const noBody = () => bodyFor({});

/** Practice item ids the built bank offers (so syncs reach the store), filled in beforeAll. */
let practiceIds: string[] = [];
const practiceAttempt = fc.record({
  at: fc.oneof(fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }), fc.double(), fc.integer()),
  isCorrect: fc.oneof(fc.boolean(), fc.constant(null)),
  keyVersion: fc.string({ maxLength: 70 }),
});
const practiceCard = fc.record({
  keyVersion: fc.string({ maxLength: 8 }),
  due: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
  stability: fc.double({ min: -1, max: 1e7 }),
  difficulty: fc.double({ min: -1, max: 200 }),
  elapsed_days: fc.integer({ min: -1, max: 10 }),
  scheduled_days: fc.integer({ min: 0, max: 10 }),
  learning_steps: fc.integer({ min: 0, max: 3 }),
  reps: fc.integer({ min: 0, max: 30 }),
  lapses: fc.integer({ min: 0, max: 30 }),
  state: fc.integer({ min: -1, max: 4 }),
});
/** A sync's `items`: real and made-up ids, answers and cards with junk in places, or anything else. */
const practiceItems = () =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .dictionary(
          fc.oneof(fc.constantFrom(...practiceIds), fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8})?(~[0-9]{1,7})?$/), fc.string({ maxLength: 30 })),
          fc.record({ attempts: fc.array(practiceAttempt, { maxLength: 22 }), card: fc.oneof(fc.constant(null), practiceCard, fc.jsonValue({ maxDepth: 2 })) }),
          { maxKeys: 8 },
        )
        .map((items) => JSON.stringify(items)),
    },
    { weight: 1, arbitrary: anyJson },
  );
// Assignments: a Beijing time in the accepted format (valid or impossible dates), or anything; cohorts one or a list.
const assignmentTime = validOr(matching(/^20[2-3]\d-[01]\d-[0-3]\d[ T][0-2]\d:[0-5]\d$/), textField(40));
const assignmentCohorts = fc.oneof(cohort, fc.array(cohort, { maxLength: 4 }).map((items) => `[${items.join(',')}]`));
const assignmentBody = (extra: Record<string, fc.Arbitrary<JsonText>> = {}) =>
  bodyFor({
    examId: validOr(fc.constant(json(EXAM_ID)), textField(100)),
    cohorts: assignmentCohorts,
    opensAt: assignmentTime,
    closesAt: assignmentTime,
    dueAt: assignmentTime,
    note: textField(200),
    ...extra,
  });

/**
 * One generator per API route and method. The test below fails when src/pages/api has a route missing here (or
 * here a route that is gone), so a new endpoint cannot skip the fuzzing.
 */
const GENERATORS: Readonly<Record<string, Generator>> = {
  'POST /api/auth/login': { weight: 1.5, body: () => bodyFor({ employeeId, password }) },
  'POST /api/auth/setup': { weight: 1, body: () => bodyFor({ token, name, employeeId, password }) },
  'POST /api/auth/activate': { weight: 1, body: () => bodyFor({ token, password }) },
  'POST /api/auth/logout': { weight: 0.3, body: noBody, endsSession: true },
  'GET /api/auth/me': { weight: 0.3, body: () => null },
  'POST /api/exams/[id]/start': { weight: 0.7, body: noBody, params: () => ({ id: idParam([EXAM_ID]) }) },
  'GET /api/attempts/[id]': { weight: 0.5, body: () => null, params: () => ({ id: idParam([attemptId]) }) },
  'PUT /api/attempts/[id]/answers': {
    weight: 2.5,
    body: () =>
      bodyFor({
        itemId: validOr(fc.constantFrom(...itemIds.map(json)), textField(200)),
        response: answerResponse,
        flagged: oneOfField(['true', 'false']),
        version: integerField,
      }),
    params: () => ({ id: idParam([attemptId]) }),
  },
  'GET /api/practice/progress': { weight: 0.3, body: () => null },
  'POST /api/practice/progress': {
    weight: 1.5,
    body: () => bodyFor({ owner: oneOfField(['null', json(TRAINEE.id), json(OTHER.id)]), items: practiceItems() }),
  },
  'GET /api/attempts/[id]/review': { weight: 0.5, body: () => null, params: () => ({ id: idParam([attemptId]) }) },
  // The seeded attempt stays open for the answers above: submit gets other ids only.
  'POST /api/attempts/[id]/submit': { weight: 0.7, body: noBody, params: () => ({ id: idParam([]) }) },
  'POST /api/lead/certificates/[id]/revoke': { weight: 1, body: () => bodyFor({ reason: textField(200) }), params: () => ({ id: idParam([CERTIFICATE_ID]) }) },
  'GET /api/lead/assignments': { weight: 0.2, body: () => null },
  'POST /api/lead/assignments': { weight: 1, body: () => assignmentBody() },
  'GET /api/lead/assignments/[id]': { weight: 0.2, body: () => null, params: () => ({ id: idParam([]) }) },
  'POST /api/lead/assignments/[id]': { weight: 0.6, body: () => assignmentBody({ revision: integerField }), params: () => ({ id: idParam([]) }) },
  'POST /api/lead/assignments/[id]/delete': { weight: 0.4, body: () => bodyFor({ revision: integerField }), params: () => ({ id: idParam([]) }) },
  'GET /api/lead/staff': { weight: 0.2, body: () => null },
  'POST /api/lead/staff/[id]/activation': { weight: 0.5, body: noBody, params: () => ({ id: idParam([AUTHOR.id, LEAD.id, VICTIM.id]) }) },
  // Never the fuzzed author: disabling it would end the sessions the author cases use. The lead's own id is refused (409).
  'POST /api/lead/staff/[id]/disable': { weight: 0.5, body: noBody, params: () => ({ id: idParam([LEAD.id, VICTIM.id]) }) },
  'POST /api/lead/staff/[id]/enable': { weight: 0.5, body: noBody, params: () => ({ id: idParam([AUTHOR.id, LEAD.id, VICTIM.id]) }) },
  'POST /api/lead/staff': { weight: 1, body: () => bodyFor({ name, employeeId, role: oneOfField(['"author"', '"lead"', '"trainee"']) }) },
  'GET /api/lead/trainees': { weight: 0.3, body: () => null },
  'POST /api/lead/trainees': { weight: 1.5, body: () => bodyFor({ name, employeeId, cohort }) },
  'POST /api/lead/trainees/import': { weight: 1.5, body: () => bodyFor({ csv, csvBase64 }) },
  // Never the fuzzed trainee: disabling it would end the sessions the trainee cases use.
  'POST /api/lead/trainees/[id]/activation': { weight: 0.6, body: noBody, params: () => ({ id: idParam([VICTIM.id, OTHER.id]) }) },
  'POST /api/lead/trainees/[id]/disable': { weight: 0.6, body: noBody, params: () => ({ id: idParam([VICTIM.id, OTHER.id]) }) },
  'POST /api/lead/trainees/[id]/enable': { weight: 0.6, body: noBody, params: () => ({ id: idParam([VICTIM.id, OTHER.id]) }) },
  'GET /api/lead/exports/question-bank.gift': { weight: 0.2, body: () => null },
  'GET /api/lead/exports/question-bank.xml': { weight: 0.2, body: () => null },
  'GET /api/lead/exports/results.csv': { weight: 0.3, body: () => null },
  'GET /api/lead/exports/trainees.csv': { weight: 0.2, body: () => null },
  'GET /api/lead/exports/certificates.csv': { weight: 0.2, body: () => null },
  // The studio: saves and checks that reach the content gate are slow (~1 s), so these stay light; the paths are
  // mostly refused ones (see studioPath). CONTENT_DIR is a copy in the test's data folder (security-server.ts).
  'GET /api/studio/files': { weight: 0.2, body: () => null },
  'GET /api/studio/file': { weight: 0.3, body: () => null },
  'PUT /api/studio/file': {
    weight: 0.4,
    body: () => bodyFor({ path: studioPath, baseVersion: oneOfField(['null', json('0'.repeat(64))]), text: textField(2_000), model: studioModel }),
  },
  'POST /api/studio/check': { weight: 0.2, body: () => bodyFor({ path: studioPath, text: textField(2_000), model: studioModel }) },
  'GET /api/studio/history': { weight: 0.2, body: () => null },
  'GET /api/studio/drafts': { weight: 0.2, body: () => null },
  'PUT /api/studio/drafts': { weight: 0.3, body: () => bodyFor({ path: studioPath, baseVersion: oneOfField(['null']), text: textField(2_000) }) },
  'DELETE /api/studio/drafts': { weight: 0.2, body: () => null },
  // Publishing is off on the security server (STUDIO_PUBLISH unset): it must answer 409, never build.
  'GET /api/studio/publish': { weight: 0.1, body: () => null },
  'POST /api/studio/publish': { weight: 0.2, body: noBody },
  'GET /api/studio/publish/[job]': { weight: 0.2, body: () => null, params: () => ({ job: idParam([]) }) },
  'GET /api/studio/policy-preview/[job]': { weight: 0.2, body: () => null, params: () => ({ job: idParam([]) }) },
  'POST /api/studio/preview': { weight: 0.2, body: () => bodyFor({ markdown: textField(2_000) }) },
  'GET /api/studio/download': { weight: 0.2, body: () => null },
};

function apiRouteKeys(): string[] {
  return discoverRoutes()
    .filter((route) => route.isApi)
    .flatMap((route) => route.methods.map((method) => `${method} ${route.pattern}`))
    .sort();
}

interface FuzzCase {
  readonly route: string;
  readonly index: number;
  readonly identity: Identity;
  readonly path: string;
  readonly body: FuzzBody | null;
}

/** Splits `total` over the generators by weight, exactly (largest remainders get the leftovers). */
function budget(total: number): Map<string, number> {
  const keys = Object.keys(GENERATORS);
  const sum = keys.reduce((acc, key) => acc + GENERATORS[key]!.weight, 0);
  const exact = keys.map((key) => ({ key, share: (total * GENERATORS[key]!.weight) / sum }));
  const counts = new Map(exact.map(({ key, share }) => [key, Math.floor(share)]));
  let left = total - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const { key } of [...exact].sort((a, b) => (b.share % 1) - (a.share % 1))) {
    if (left-- <= 0) break;
    counts.set(key, counts.get(key)! + 1);
  }
  return counts;
}

/** Every case, drawn from the seed; routes interleaved so that state built by one route meets the others. */
function drawCases(): FuzzCase[] {
  const perRoute = [...budget(TOTAL_CASES)].map(([route, count], routeIndex) => {
    const generator = GENERATORS[route]!;
    const pattern = route.slice(route.indexOf(' ') + 1);
    const params = generator.params?.() ?? {};
    const body = generator.body();
    const arbitrary = fc.record({
      identity: fc.constantFrom<Identity>('anonymous', 'trainee', 'author', 'lead'),
      params: fc.record(params),
      query: queryJunk,
      body: body ?? fc.constant(null),
    });
    return fc.sample(arbitrary, { seed: SEED + routeIndex, numRuns: count }).map(
      (drawn, index): FuzzCase => ({
        route,
        index,
        identity: drawn.identity,
        path: `${pathFor(pattern, drawn.params as Record<string, string>)}${drawn.query}`,
        body: drawn.body,
      }),
    );
  });
  const cases: FuzzCase[] = [];
  for (let i = 0; perRoute.some((list) => i < list.length); i++) for (const list of perRoute) if (i < list.length) cases.push(list[i]!);
  return cases;
}

const STACK = /\bat [^\s]+ \(?[^)\s]*:\d+:\d+\)?/;

/** What is wrong with an answer, or `null`. */
function problemWith(response: RawResponse): string | null {
  if (response.status >= 500) return `status ${response.status}`;
  const leaks = [ROOT.replace(/\/$/, ''), app.dataDir, 'node_modules', 'node:internal', 'file://'].filter((needle) => response.text.includes(needle));
  if (leaks.length > 0) return `body leaks ${leaks.join(', ')}`;
  if (STACK.test(response.text)) return 'body holds a stack trace';
  if (response.text.includes('$argon2')) return 'body holds a password hash';
  // Account answers must not be kept by a browser or proxy cache.
  if (!(response.header('cache-control') ?? '').includes('no-store')) return 'answer lacks Cache-Control: no-store';
  if (response.status < 400) return null;
  const type = response.header('content-type') ?? '';
  if (!type.includes('application/json')) return `error ${response.status} is ${type || 'untyped'}, not JSON`;
  let code: unknown;
  let message: unknown;
  try {
    ({ code, message } = response.json<{ error: { code: unknown; message: unknown } }>().error);
  } catch {
    return 'error body is not { error: { code, message } }';
  }
  if (typeof code !== 'string' || !(code in API_ERRORS)) return `error code ${String(code)} is not catalogued`;
  if (API_ERRORS[code as keyof typeof API_ERRORS].status !== response.status) return `${code} answered with ${response.status}`;
  if (typeof message !== 'string' || message.length === 0) return 'error without a message';
  return null;
}

/** The error code of an answer, `OK` for a success, `?` when unreadable. */
function codeOf(response: RawResponse): string {
  if (response.status < 400) return 'OK';
  try {
    return String(response.json<{ error: { code: unknown } }>().error.code);
  } catch {
    return '?';
  }
}

function describeCase(fuzzCase: FuzzCase): string {
  const body = fuzzCase.body;
  const text = body?.body === undefined ? '(none)' : typeof body.body === 'string' ? body.body : `bytes ${Buffer.from(body.body).toString('hex')}`;
  return `[seed ${SEED}] ${fuzzCase.route} #${fuzzCase.index} as ${fuzzCase.identity}: ${fuzzCase.path.length > 200 ? `${fuzzCase.path.slice(0, 200)}…` : fuzzCase.path}\n  ${body?.kind ?? 'no body'}, content-type ${body?.contentType ?? '(none)'}: ${text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text}`;
}

describe('API fuzzing', () => {
  it('has a generator for exactly the API routes in src/pages/api', () => {
    const routes = apiRouteKeys();
    const missing = routes.filter((key) => !(key in GENERATORS));
    const gone = Object.keys(GENERATORS).filter((key) => !routes.includes(key));
    expect(missing, `add a generator to GENERATORS in tests/security/fuzz-api.test.ts for: ${missing.join(', ')}`).toEqual([]);
    expect(gone, `remove from GENERATORS (no such route): ${gone.join(', ')}`).toEqual([]);
  });

  it(`answers ${TOTAL_CASES} seeded requests (seed ${SEED}) without a 5xx, a stack trace, an uncatalogued error or a cacheable answer`, async () => {
    const cases = drawCases();
    expect(cases).toHaveLength(TOTAL_CASES);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < cases.length) {
        const fuzzCase = cases[next++]!;
        const method = fuzzCase.route.slice(0, fuzzCase.route.indexOf(' '));
        const headers: Record<string, string> = {};
        if (fuzzCase.body?.contentType !== null && fuzzCase.body?.contentType !== undefined) headers['content-type'] = fuzzCase.body.contentType;
        try {
          const response = await app.send(fuzzCase.identity, {
            method,
            path: fuzzCase.path,
            headers,
            ...(fuzzCase.body?.body !== undefined && method !== 'GET' ? { body: fuzzCase.body.body } : {}),
            freshSession: GENERATORS[fuzzCase.route]!.endsSession ?? false,
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (!['UNAUTHENTICATED', 'FORBIDDEN'].includes(codeOf(response))) reached.add(fuzzCase.route);
          const problem = problemWith(response);
          if (problem) failures.push(`${problem}: ${response.text.slice(0, 300)}\n  ${describeCase(fuzzCase)}`);
        } catch (error) {
          failures.push(`no answer (${(error as Error).message})\n  ${describeCase(fuzzCase)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[fuzz] seed ${SEED}: ${cases.length} requests in ${seconds.toFixed(1)} s (${Math.round(cases.length / seconds)} req/s, ` +
        `${CONCURRENCY} in flight); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(failures.slice(0, 15), `${failures.length} of ${cases.length} cases failed (seed ${SEED}):\n${failures.slice(0, 15).join('\n')}`).toEqual([]);
    const unreached = Object.keys(GENERATORS).filter((route) => !reached.has(route));
    expect(unreached, `no case got past the access check of: ${unreached.join(', ')}`).toEqual([]);
    expect(app.server.output()).not.toMatch(/\[(api|page)\] .* failed/);
  });
});
