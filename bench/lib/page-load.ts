import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

/** What one page load cost, gzip-compressed (level 9, as a server or CDN would send it). */
export interface PageWeight {
  readonly url: string;
  readonly status: number;
  readonly htmlGzBytes: number;
  /** Every script the page ran: external files (fetched by the browser, imports included) plus inline scripts. */
  readonly jsGzBytes: number;
  readonly scripts: readonly { readonly url: string; readonly gzBytes: number; readonly isFramework: boolean }[];
  /** The part of `jsGzBytes` any Preact island costs: Preact, its hooks and JSX runtime, Astro's renderer and island loader. */
  readonly frameworkGzBytes: number;
}

// Chunk names Vite gives Preact and Astro's Preact renderer; Astro's island loader and client directives are inline.
const FRAMEWORK_CHUNK = /^\/_astro\/(?:client|preact\.module|hooks\.module|jsxRuntime\.module)\.[\w-]+\.js$/;

const gz = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

/**
 * Loads `path` in the page and counts what Chromium actually fetched: the document's HTML and every response of
 * resource type `script` (module imports, modulepreload and dynamic imports included), plus the inline scripts that
 * execute (JSON data blocks do not count). Waits until no request has started for 750 ms, so islands' lazy chunks
 * are in.
 */
export async function weighPage(page: Page, origin: string, path: string): Promise<PageWeight> {
  const responses: Response[] = [];
  const listener = (response: Response) => {
    if (response.request().resourceType() === 'script') responses.push(response);
  };
  page.on('response', listener);
  try {
    let lastRequest = Date.now();
    const onRequest = () => (lastRequest = Date.now());
    page.on('request', onRequest);
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    if (!response) throw new Error(`${path}: no response`);
    // Not 'networkidle': the practice page's service worker keeps a connection busy. Quiet for 750 ms, or 10 s at most.
    const deadline = Date.now() + 10_000;
    while (Date.now() - lastRequest < 750 && Date.now() < deadline) await page.waitForTimeout(100);
    page.off('request', onRequest);
    const html = await response.body();
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((script) => {
          const type = script.getAttribute('type');
          return !type || type === 'module' || type === 'text/javascript';
        })
        .map((script) => script.textContent ?? ''),
    );
    const scripts = [];
    for (const response of responses) {
      const body = await response.body().catch(() => Buffer.alloc(0));
      const url = response.url().replace(origin, '');
      scripts.push({ url, gzBytes: gz(body), isFramework: FRAMEWORK_CHUNK.test(url) });
    }
    for (const [index, text] of inline.entries()) {
      if (text.trim()) scripts.push({ url: `(inline #${index + 1})`, gzBytes: gz(text), isFramework: text.includes('astro-island') || text.includes('self.Astro') });
    }
    return {
      url: page.url().replace(origin, ''),
      status: response.status(),
      htmlGzBytes: gz(html),
      jsGzBytes: scripts.reduce((sum, script) => sum + script.gzBytes, 0),
      scripts,
      frameworkGzBytes: scripts.reduce((sum, script) => sum + (script.isFramework ? script.gzBytes : 0), 0),
    };
  } finally {
    page.off('response', listener);
  }
}
