import { lstatSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, posix, resolve, sep } from 'node:path';
import send from 'send';
import { livePageHeaders } from './static-headers.ts';

/**
 * Serves the built site's files (`dist/client`) the way @astrojs/node's standalone server did, since its middleware
 * mode serves none (Astro docs, "Middleware"): `send` (the file server Express and the adapter use) with dotfiles
 * refused except `/.well-known/`, a folder without a trailing slash served as its `index.html`, `/_astro/` files
 * cached for a year (their names carry a content hash), and each prerendered page's headers from `dist/_headers.json`
 * (its Content-Security-Policy plus SECURITY_HEADERS, see security-headers-integration.ts), kept live across a
 * studio publish (static-headers.ts).
 * @returns a handler that calls `fallthrough` when no file matches, so Astro renders the route (or its 404 page).
 */
export function staticFiles(distDir: string): (req: IncomingMessage, res: ServerResponse, fallthrough: () => void) => void {
  const client = join(distDir, 'client');
  const headersFile = join(distDir, '_headers.json');
  const pageHeaders = livePageHeaders(headersFile);
  const root = resolve(client);
  return (req, res, fallthrough) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return fallthrough();
    const raw = req.url.split('#')[0]!;
    const query = raw.indexOf('?');
    const urlPath = query >= 0 ? raw.slice(0, query) : raw;
    let fsPath = urlPath;
    try {
      fsPath = decodeURI(urlPath);
    } catch {
      // send refuses what does not decode.
    }
    const full = resolve(join(client, fsPath));
    let isDirectory = false;
    if (full === root || full.startsWith(root + sep)) {
      try {
        isDirectory = lstatSync(full).isDirectory();
      } catch {
        // Not a file here: send reports it and the route renders.
      }
    }
    const pathname = posix.normalize(isDirectory && !urlPath.endsWith('/') ? `${urlPath}/index.html` : urlPath);
    const headers = pageHeaders().get(fsPath);
    const stream = send(req, pathname, { root: client, dotfiles: pathname.startsWith('/.well-known/') ? 'allow' : 'deny' });
    let found = false;
    stream.on('file', () => (found = true));
    stream.on('headers', (response: ServerResponse) => {
      if (headers) for (const { key, value } of headers) response.setHeader(key, value);
      if (pathname.startsWith('/_astro/')) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    });
    stream.on('error', (error: Error & { statusCode?: number }) => {
      if (!found) return fallthrough();
      const status = error.statusCode ?? 500;
      if (status >= 500) console.error(String(error));
      res.writeHead(status);
      res.end(status >= 500 ? 'Internal server error' : '');
    });
    stream.pipe(res);
  };
}
