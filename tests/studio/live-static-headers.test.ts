import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { liveStaticHeaders } from '../../src/server/live-static-headers.ts';

const dist = mkdtempSync(join(tmpdir(), 'asa-headers-'));
mkdirSync(join(dist, 'server', 'chunks'), { recursive: true });
mkdirSync(join(dist, 'client'));
const moduleUrl = pathToFileURL(join(dist, 'server', 'chunks', 'entry.mjs')).href;
const entry = (pathname: string, csp: string) => ({ pathname, headers: [{ key: 'Content-Security-Policy', value: csp }] });

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('live static headers', () => {
  it('serves the headers of pages a publish adds, re-reading the served _headers.json once it changes', async () => {
    writeFileSync(join(dist, '_headers.json'), JSON.stringify([entry('/cases/old/', 'old')]));
    const headers = liveStaticHeaders([entry('/cases/old/', 'built')], moduleUrl)!;
    expect(headers.find((item) => item.pathname === '/cases/old/')?.headers[0]?.value).toBe('old');
    expect(headers.find((item) => item.pathname === '/cases/new/')).toBeUndefined();

    writeFileSync(join(dist, '_headers.json'), JSON.stringify([entry('/cases/old/', 'v2'), entry('/cases/new/', 'v2')]));
    utimesSync(join(dist, '_headers.json'), new Date(), new Date(Date.now() + 5_000));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(headers.length).toBe(2);
    expect(headers.find((item) => item.pathname === '/cases/new/')?.headers[0]?.value).toBe('v2');
  });

  it('keeps the last good list when the file cannot be read', async () => {
    writeFileSync(join(dist, '_headers.json'), '{ half');
    utimesSync(join(dist, '_headers.json'), new Date(), new Date(Date.now() + 10_000));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const headers = liveStaticHeaders([entry('/a/', 'start')], moduleUrl)!;
    expect(headers.find((item) => item.pathname === '/a/')?.headers[0]?.value).toBe('start');
  });
});
