import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { livePageHeaders } from '../../src/server/serve/static-headers.ts';

const dist = mkdtempSync(join(tmpdir(), 'asa-headers-'));
const file = join(dist, '_headers.json');
const entry = (pathname: string, csp: string) => ({ pathname, headers: [{ key: 'Content-Security-Policy', value: csp }] });
const csp = (headers: ReturnType<ReturnType<typeof livePageHeaders>>, pathname: string) => headers.get(pathname)?.[0]?.value;

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('live static headers', () => {
  it('serves the headers of pages a publish adds, re-reading the served _headers.json once it changes', async () => {
    writeFileSync(file, JSON.stringify([entry('/cases/old/', 'old')]));
    const headers = livePageHeaders(file);
    expect(csp(headers(), '/cases/old/')).toBe('old');
    expect(csp(headers(), '/cases/old')).toBe('old');
    expect(csp(headers(), '/cases/old/index.html')).toBe('old');
    expect(headers().get('/cases/new/')).toBeUndefined();

    writeFileSync(file, JSON.stringify([entry('/cases/old/', 'v2'), entry('/cases/new/', 'v2')]));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(headers().size).toBe(2);
    expect(csp(headers(), '/cases/new/')).toBe('v2');
  });

  it('keeps the last good list when the file cannot be read', async () => {
    writeFileSync(file, JSON.stringify([entry('/a/', 'start')]));
    const headers = livePageHeaders(file);
    expect(csp(headers(), '/a/')).toBe('start');
    writeFileSync(file, '{ half');
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(csp(headers(), '/a/')).toBe('start');
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});
