// The baseline for bench/server-load.ts: a bare node:http server doing the same store writes as the real API (same
// store module, same durability), with no framework, sessions, origin check or exam logic in front.
//
//   DATA_DIR=… PORT=… node_modules/.bin/node bench/scale/raw-server.ts
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { openLowdbStore } from '../../src/server/store/index.ts';

const store = await openLowdbStore(process.env['DATA_DIR']!);
const ITEMS = Array.from({ length: 20 }, (_, i) => ({ itemId: `raw-item-${i}`, optionOrder: [0, 1, 2, 3] }));

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
}

function reply(res: ServerResponse, status: number, data: unknown): void {
  const text = JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [, route, id] = (req.url ?? '').split('/');
  const now = Date.now();
  if (req.method === 'POST' && route === 'start') {
    const { userId } = (await body(req)) as { userId: string };
    const created = await store.createAttempt({
      id: randomBytes(12).toString('base64url'),
      examId: 'raw-exam',
      userId,
      seed: 1,
      edition: '2025-08-15',
      contentVersion: 'raw',
      items: ITEMS,
      startedAt: now,
      deadlineAt: now + 3_600_000,
    });
    if (!created.ok && created.code !== 'ATTEMPT_IN_PROGRESS') return reply(res, 500, created);
    const attempt = created.ok ? created.attempt : created.attempt;
    return reply(res, 200, { attempt: { id: attempt.id, questions: attempt.items.map((item) => ({ id: item.itemId, type: 'single' })) } });
  }
  if (req.method === 'PUT' && route === 'answers' && id) {
    const answer = (await body(req)) as { itemId: string; response: unknown; flagged: boolean; version: number };
    const saved = await store.saveAnswer(id, { ...answer, savedAt: now });
    return saved.ok ? reply(res, 200, { outcome: saved.outcome, version: saved.version }) : reply(res, 409, saved);
  }
  if (req.method === 'POST' && route === 'submit' && id) {
    const closed = await store.submitAttempt(
      id,
      { score: 0, maxScore: ITEMS.length, passed: false, perItem: [], certificateId: null },
      now,
    );
    return reply(res, closed.ok ? 200 : 409, { status: closed.ok ? closed.attempt.status : closed.code });
  }
  reply(res, 404, { error: 'not found' });
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) reply(res, 500, { error: String(error) });
  });
});
server.listen(Number(process.env['PORT']), '127.0.0.1', () => console.log('listening'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void store.close().finally(() => process.exit(0));
  });
}
