import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncoding } from '../../src/server/serve/compressed-files.ts';
import { staticFiles } from '../../src/server/serve/static-files.ts';

// The built server's static files over real HTTP: text files go out compressed to clients that accept it, with the
// page's own headers, a tag that changes with the file, 304 on a match; everything else as before.

const page = `<!doctype html><title>练习</title>${'<p>题目：买家在七天期限的最后一分钟申请退货。</p>'.repeat(200)}`;
const script = `export const answer = ${JSON.stringify('x'.repeat(4000))};`;
let dist: string;
let server: Server;
let origin: string;

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'static-compression-'));
  mkdirSync(join(dist, 'client/practice/seven-day'), { recursive: true });
  mkdirSync(join(dist, 'client/_astro'), { recursive: true });
  writeFileSync(join(dist, 'client/practice/seven-day/index.html'), page);
  writeFileSync(join(dist, 'client/_astro/Practice.abc123.js'), script);
  writeFileSync(join(dist, 'client/small.css'), 'body{margin:0}');
  writeFileSync(join(dist, 'client/.env'), `SECRET=${'s'.repeat(2000)}`);
  writeFileSync(join(dist, '_headers.json'), JSON.stringify([{ pathname: '/practice/seven-day/', headers: [{ key: 'Content-Security-Policy', value: "default-src 'self'" }] }]));
  const files = staticFiles(dist);
  server = createServer((req, res) => files(req, res, () => res.writeHead(404).end('route')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

describe('compressed static files', () => {
  it('sends a page brotli-compressed with its own headers when the client accepts br', async () => {
    const response = await get('/practice/seven-day', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toBe('Accept-Encoding');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe("default-src 'self'");
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(Buffer.byteLength(page) / 10);
    expect(brotliDecompressSync(response.body).toString()).toBe(page);
    const slashed = await get('/practice/seven-day/', { 'accept-encoding': 'br' });
    expect(slashed.headers['content-encoding']).toBe('br');
    expect(slashed.headers['content-security-policy']).toBe("default-src 'self'");
  });

  it('sends gzip to a client that accepts only gzip, and keeps /_astro/ files immutable', async () => {
    const response = await get('/_astro/Practice.abc123.js', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(response.body).toString()).toBe(script);
  });

  it('sends the file as it is without Accept-Encoding, to br;q=0, and for files too small to gain', async () => {
    for (const headers of [{}, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const response = await get('/practice/seven-day/', headers);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['vary']).toBe('Accept-Encoding');
      expect(response.headers['content-security-policy']).toBe("default-src 'self'");
      expect(response.body.toString()).toBe(page);
    }
    const small = await get('/small.css', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('body{margin:0}');
  });

  it('answers 304 to its own tag, and a rewritten file gets a new tag', async () => {
    const first = await get('/practice/seven-day', { 'accept-encoding': 'br' });
    const tag = String(first.headers['etag']);
    const again = await get('/practice/seven-day', { 'accept-encoding': 'br', 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const file = join(dist, 'client/practice/seven-day/index.html');
    writeFileSync(file, `${page}<p>新题</p>`);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = await get('/practice/seven-day', { 'accept-encoding': 'br', 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.headers['etag']).not.toBe(tag);
    expect(brotliDecompressSync(changed.body).toString()).toBe(`${page}<p>新题</p>`);
  });

  it('answers HEAD with the headers only, and still refuses dotfiles and unknown paths', async () => {
    const head = await get('/practice/seven-day', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    const dotfile = await get('/.env', { 'accept-encoding': 'br' });
    expect(dotfile.body.toString()).not.toContain('SECRET');
    expect((await get('/no-such-page', { 'accept-encoding': 'br' })).body.toString()).toBe('route');
  });
});

describe('acceptedEncoding', () => {
  it('prefers br, then gzip, honours q=0 and *', () => {
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('identity')).toBeUndefined();
    expect(acceptedEncoding(undefined)).toBeUndefined();
  });
});
