import { lstatSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, posix, resolve, sep } from 'node:path';
import send from 'send';
import { acceptedEncoding, compressedFiles, isCompressible } from './compressed-files.ts';
import { livePageHeaders } from './static-headers.ts';

/**
 * Serves the built site's files (`dist/client`) the way @astrojs/node's standalone server did, since its middleware
 * mode serves none (Astro docs, "Middleware"): `send` (the file server Express and the adapter use) with dotfiles
 * refused except `/.well-known/`, a folder without a trailing slash served as its `index.html`, `/_astro/` files
 * cached for a year (their names carry a content hash), and each prerendered page's headers from `dist/_headers.json`
 * (its Content-Security-Policy plus SECURITY_HEADERS, see security-headers-integration.ts), kept live across a
 * studio publish (static-headers.ts). Text files go out compressed (br or gzip) to clients that accept it
 * (compressed-files.ts), with the same headers.
 * @returns a handler that calls `fallthrough` when no file matches, so Astro renders the route (or its 404 page).
 */
export function staticFiles(distDir: string): (req: IncomingMessage, res: ServerResponse, fallthrough: () => void) => void {
  const client = join(distDir, 'client');
  const headersFile = join(distDir, '_headers.json');
  const pageHeaders = livePageHeaders(headersFile);
  const root = resolve(client);
  const compressed = compressedFiles();
  const cacheControl = (pathname: string) => (pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
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
    const encoding = acceptedEncoding(req.headers['accept-encoding']);
    // Dotfiles and anything outside the folder stay with send, which refuses them.
    const file = encoding && !pathname.split('/').some((segment) => segment.startsWith('.')) ? resolve(join(client, pathname.endsWith('/') ? `${pathname}index.html` : pathname)) : undefined;
    const packed = file && file.startsWith(root + sep) ? compressed.get(file, encoding!) : undefined;
    if (packed) {
      res.setHeader('Content-Type', packed.type);
      res.setHeader('Content-Encoding', encoding!);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('ETag', packed.etag);
      res.setHeader('Last-Modified', packed.lastModified);
      res.setHeader('Cache-Control', cacheControl(pathname));
      if (headers) for (const { key, value } of headers) res.setHeader(key, value);
      const tags = String(req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
      if (tags.includes(packed.etag) || tags.includes('*')) {
        res.removeHeader('Content-Encoding');
        res.writeHead(304);
        res.end();
        return;
      }
      res.setHeader('Content-Length', packed.body.length);
      res.writeHead(200);
      res.end(req.method === 'HEAD' ? undefined : packed.body);
      return;
    }
    const stream = send(req, pathname, { root: client, dotfiles: pathname.startsWith('/.well-known/') ? 'allow' : 'deny' });
    let found = false;
    stream.on('file', () => (found = true));
    stream.on('headers', (response: ServerResponse, path: string) => {
      if (headers) for (const { key, value } of headers) response.setHeader(key, value);
      if (pathname.startsWith('/_astro/')) response.setHeader('Cache-Control', cacheControl(pathname));
      // The same URL answers compressed to other clients.
      if (isCompressible(path)) response.setHeader('Vary', 'Accept-Encoding');
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
