import { createHash, randomBytes } from 'node:crypto';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { openLowdbStore, type NewUser, type Store } from '../../src/server/store/index.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { closeConnections, rawRequest, type RawRequest, type RawResponse } from './raw-http.ts';

export type Identity = 'anonymous' | 'trainee' | 'author' | 'lead';

/** A seeded account whose password the tests know (`null`: not activated). */
export interface SeededUser {
  readonly id: string;
  readonly employeeId: string;
  readonly password: string | null;
}

export const LEAD: SeededUser = { id: 'sec-lead', employeeId: 'SEC-LEAD', password: '组长的安全测试口令-2025' };
/** A 出题人: reaches the studio, never the lead's people, results or assignments. */
export const AUTHOR: SeededUser = { id: 'sec-author', employeeId: 'SEC-AUTHOR', password: '出题人的安全测试口令-2025' };
export const TRAINEE: SeededUser = { id: 'sec-trainee', employeeId: 'SEC-T1', password: '学员的安全测试口令-2025' };
/** Another trainee, with a certificate: the fuzzed trainee must never see or change it. */
export const OTHER: SeededUser = { id: 'sec-other', employeeId: 'SEC-T2', password: null };
/** A trainee leads may disable, enable and re-link during fuzzing; no test signs in as it. */
export const VICTIM: SeededUser = { id: 'sec-victim', employeeId: 'SEC-V', password: null };

export const CERTIFICATE_ID = 'SecCertificate00000001';
export const EXAM_ID = 'basic-certification';

export interface SecurityServer {
  readonly server: TestServer;
  readonly url: string;
  readonly dataDir: string;
  /** A live session token for the user, never handed out before: each request that may end a session takes its own. */
  sessionOf(user: SeededUser): string;
  /** One request as `identity` (a fresh session each time when `freshSession`), with our Origin unless overridden. */
  send(identity: Identity, request: RawRequest & { readonly origin?: string | null; readonly freshSession?: boolean }): Promise<RawResponse>;
  stop(): Promise<void>;
}

function sessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Starts the built server on a fresh data folder holding a lead, an author, two trainees (one with a certificate) and a victim
 * trainee, each signed-in account with `sessionsPerUser` live sessions seeded straight into the store, so no test
 * spends Argon2 time or login-throttle budget on signing in. `prepare` may add more before the server opens the store.
 */
export async function startSecurityServer(
  options: {
    readonly sessionsPerUser?: number;
    readonly env?: Record<string, string>;
    readonly prepare?: (store: Store, now: number) => Promise<void>;
  } = {},
): Promise<SecurityServer> {
  await ensureBuilt();
  const dataDir = await tempDataDir();
  const store = await openLowdbStore(dataDir);
  const now = Date.now();
  const pools = new Map<string, string[]>();
  for (const user of [LEAD, AUTHOR, TRAINEE, OTHER, VICTIM]) {
    const staff = user === LEAD || user === AUTHOR;
    const record: NewUser = {
      id: user.id,
      role: user === LEAD ? 'lead' : user === AUTHOR ? 'author' : 'trainee',
      name: user === LEAD ? '安全测试组长' : user === AUTHOR ? '安全测试出题人' : `安全测试学员${user.employeeId}`,
      employeeId: user.employeeId,
      cohort: staff ? null : '安全一组',
      passwordHash: user.password === null ? null : await hashPassword(user.password),
      createdAt: now,
    };
    await store.createUser(record);
  }
  for (const user of [LEAD, AUTHOR, TRAINEE]) {
    const tokens: string[] = [];
    for (let i = 0; i < (options.sessionsPerUser ?? 10); i++) {
      const token = sessionToken();
      await store.createSession({ id: sha256(token), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
      tokens.push(token);
    }
    pools.set(user.id, tokens);
  }
  await store.issueCertificate({
    id: CERTIFICATE_ID,
    userId: OTHER.id,
    examId: EXAM_ID,
    attemptId: 'seeded-attempt',
    issuedAt: now,
    expiresAt: now + 365 * 24 * 3_600_000,
    edition: '2025-11',
    rules: [],
    revokedAt: null,
    revokedReason: null,
  });
  await options.prepare?.(store, now);
  await store.close();

  // The studio writes to CONTENT_DIR: a lead's fuzzed save must land in a throwaway copy, never in the repository.
  const contentDir = join(dataDir, 'content');
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  const server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir, ...options.env } });
  const current = new Map<string, string>();
  const sessionOf = (user: SeededUser) => {
    const token = pools.get(user.id)?.shift();
    if (!token) throw new Error(`no unused seeded session left for ${user.id}; raise sessionsPerUser`);
    return token;
  };
  const tokenFor = (identity: Identity, fresh: boolean): string | null => {
    if (identity === 'anonymous') return null;
    const user = identity === 'lead' ? LEAD : identity === 'author' ? AUTHOR : TRAINEE;
    // A fresh session is used once and never becomes the identity's current one (it may be logged out).
    if (fresh) return sessionOf(user);
    if (!current.has(user.id)) current.set(user.id, sessionOf(user));
    return current.get(user.id)!;
  };
  return {
    server,
    url: server.url,
    dataDir,
    sessionOf,
    send(identity, request) {
      const headers: Record<string, string> = { ...request.headers };
      const token = tokenFor(identity, request.freshSession ?? false);
      if (token) headers['cookie'] = `asa_session=${token}`;
      const origin = request.origin === undefined ? server.url : request.origin;
      if (origin !== null && request.method !== 'GET' && request.method !== 'HEAD') headers['origin'] = origin;
      return rawRequest(server.url, { ...request, headers });
    },
    async stop() {
      closeConnections(server.url);
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `error` object of a JSON error answer, or a thrown Error saying what came instead. */
export function errorBody(response: RawResponse): { code: string; message: string; fields?: unknown; retryAfterSeconds?: number } {
  const type = response.header('content-type') ?? '';
  if (!type.includes('application/json')) throw new Error(`expected a JSON error, got ${response.status} ${type}: ${response.text.slice(0, 300)}`);
  return response.json<{ error: { code: string; message: string } }>().error;
}
