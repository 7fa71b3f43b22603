import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PracticeItem } from '../../src/quiz/index.ts';
import { openLowdbStore } from '../../src/server/store/index.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client, errorOf } from './http-client.ts';
import { newUser } from './store-factories.ts';

vi.setConfig({ testTimeout: 30_000 });

let server: TestServer;
let dataDir: string;
let bank: PracticeItem[];
const trainee = newUser();
const other = newUser();
const clients: Record<string, Client> = {};
const T0 = 1_760_000_000_000;
const answer = (minute: number, isCorrect: boolean, keyVersion: string) => ({ at: T0 + minute * 60_000, isCorrect, keyVersion });

beforeAll(async () => {
  await ensureBuilt();
  bank = (JSON.parse(readFileSync(join(ROOT, 'dist/client/practice/items.json'), 'utf8')) as { items: PracticeItem[] }).items;
  dataDir = await tempDataDir();
  const store = await openLowdbStore(dataDir);
  const now = Date.now();
  const tokens = new Map<string, string>();
  for (const user of [trainee, other]) {
    await store.createUser(user);
    const token = randomBytes(32).toString('base64url');
    await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
    tokens.set(user.id, token);
  }
  await store.close();
  server = await startServer({ dataDir });
  for (const [userId, token] of tokens) {
    clients[userId] = new Client(server.url);
    clients[userId]!.cookies.set('asa_session', token);
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const sync = (client: Client, body: unknown) => client.post('/api/practice/progress', body);

describe('practice sync API', () => {
  it('refuses anonymous and cross-site requests', async () => {
    expect((await new Client(server.url).get('/api/practice/progress')).status).toBe(401);
    const forged = await clients[trainee.id]!.post('/api/practice/progress', { owner: null, items: {} }, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect((await errorOf(forged)).code).toBe('CROSS_ORIGIN_REFUSED');
  });

  it('merges a browser’s progress into the account, files it by rule area, and answers with the whole', async () => {
    const [first, second] = bank;
    const phone = {
      owner: null,
      items: { [first!.id]: { attempts: [answer(1, false, first!.keyVersion)], card: null }, 'q-retired-long-ago': { attempts: [answer(1, true, 'k')], card: null } },
    };
    const response = await sync(clients[trainee.id]!, phone);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { userId: string; items: Record<string, unknown>; merged: boolean; ignored: string[] };
    expect(body).toEqual({ userId: trainee.id, items: { [first!.id]: phone.items[first!.id] }, merged: true, ignored: ['q-retired-long-ago'] });

    // The desktop syncs later with an answer of its own; a replay of the phone's changes nothing.
    const desktop = { owner: trainee.id, items: { [first!.id]: { attempts: [answer(3, true, first!.keyVersion)], card: null }, [second!.id]: { attempts: [answer(2, true, second!.keyVersion)], card: null } } };
    await sync(clients[trainee.id]!, desktop);
    const merged = await (await sync(clients[trainee.id]!, phone)).json();
    expect(merged.items[first!.id].attempts).toEqual([answer(1, false, first!.keyVersion), answer(3, true, first!.keyVersion)]);
    expect(Object.keys(merged.items).sort()).toEqual([first!.id, second!.id].sort());
    expect(await (await clients[trainee.id]!.get('/api/practice/progress')).json()).toEqual({ ...merged, merged: false, ignored: [] });
    // Another trainee sees none of it.
    expect((await (await clients[other.id]!.get('/api/practice/progress')).json()).items).toEqual({});
  });

  it('merges nothing from a browser that holds another account’s progress, and hands it this account’s', async () => {
    const response = await sync(clients[other.id]!, { owner: trainee.id, items: { [bank[0]!.id]: { attempts: [answer(9, true, 'k')], card: null } } });
    expect(await response.json()).toEqual({ userId: other.id, items: {}, merged: false, ignored: [] });
    expect((await (await clients[other.id]!.get('/api/practice/progress')).json()).items).toEqual({});
  });

  it('answers malformed bodies with 400 VALIDATION_FAILED naming the field', async () => {
    const id = bank[0]!.id;
    const cases: [unknown, string][] = [
      [{ owner: null }, 'items'],
      [{ owner: null, items: { 'Bad Id': { attempts: [], card: null } } }, 'items.Bad Id'],
      [{ owner: null, items: { [id]: { attempts: [{ at: -1, isCorrect: true, keyVersion: 'k' }], card: null } } }, `items.${id}.attempts.0.at`],
      [{ owner: null, items: { [id]: { attempts: Array.from({ length: 21 }, (_, minute) => answer(minute, true, 'k')), card: null } } }, `items.${id}.attempts`],
      [{ owner: null, items: { [id]: { attempts: [], card: { keyVersion: 'k', due: 1 } } } }, `items.${id}.card.stability`],
      [{ owner: null, items: {}, extra: 1 }, '(body)'],
    ];
    for (const [body, field] of cases) {
      const response = await sync(clients[trainee.id]!, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields?.map((entry) => entry.field), JSON.stringify(body)).toContain(field);
    }
    const tooMany = Object.fromEntries(Array.from({ length: 501 }, (_, index) => [`q-${index}`, { attempts: [], card: null }]));
    expect((await sync(clients[trainee.id]!, { owner: null, items: tooMany })).status).toBe(400);
    const notJson = await clients[trainee.id]!.send('POST', '/api/practice/progress', { body: 'x', headers: { 'content-type': 'text/plain' } });
    expect((await errorOf(notJson)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
