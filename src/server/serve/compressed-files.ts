import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Compressed copies of the built site's text files (HTML, CSS, JS, JSON, SVG), made on first request and kept in
 * memory. @astrojs/node's standalone server compressed nothing, and neither did our static file server: a practice page
 * is 250 KB of HTML (its round's questions travel with it for offline use) but 21 KB gzipped, and Lighthouse's
 * mobile profile spent ~1.3 s of its first paint on the uncompressed bytes. A reverse proxy that compresses (see
 * docs/operations.md) gets the compressed bytes and passes them on.
 */

export type Encoding = 'br' | 'gzip';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Below this, compressing saves less than the headers it adds; above the upper bound, the file streams as it is. */
const MIN_BYTES = 1024;
const MAX_BYTES = 8 * 1024 * 1024;

/** Whether a file of this name is one we compress (by extension). */
export const isCompressible = (path: string): boolean => extname(path).toLowerCase() in TYPES;

/**
 * The encoding to answer with for an `Accept-Encoding` header: br when accepted, else gzip, else none. A coding
 * listed with `q=0` is refused; `*` accepts both.
 */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const quality = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return undefined;
}

export interface CompressedFile {
  readonly body: Buffer;
  readonly type: string;
  /** Weak: the bytes on the wire depend on the encoding, so the tag names it. */
  readonly etag: string;
  readonly lastModified: string;
}

/**
 * A cache of compressed files keyed by path, encoding, size and modification time (a studio publish that rewrites a
 * page makes a new entry), holding at most `maxBytes` of compressed bytes; the least recently used go first.
 * `get` returns undefined for a file that is missing, not a regular file, not compressible or outside the size bounds:
 * the caller then serves it as it is.
 */
export function compressedFiles(maxBytes = 64 * 1024 * 1024): { get(path: string, encoding: Encoding): CompressedFile | undefined } {
  const entries = new Map<string, CompressedFile>();
  let held = 0;
  return {
    get(path, encoding) {
      const type = TYPES[extname(path).toLowerCase()];
      if (!type) return undefined;
      let stat;
      try {
        stat = statSync(path);
      } catch {
        return undefined;
      }
      if (!stat.isFile() || stat.size < MIN_BYTES || stat.size > MAX_BYTES) return undefined;
      const version = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
      const key = `${encoding}\u0000${path}\u0000${version}`;
      let entry = entries.get(key);
      if (entry) {
        // Most recently used last.
        entries.delete(key);
        entries.set(key, entry);
        return entry;
      }
      const raw = readFileSync(path);
      const body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : gzipSync(raw, { level: 6 });
      entry = { body, type, etag: `W/"${version}-${encoding}"`, lastModified: stat.mtime.toUTCString() };
      entries.set(key, entry);
      held += body.length;
      for (const [oldKey, old] of entries) {
        if (held <= maxBytes) break;
        entries.delete(oldKey);
        held -= old.body.length;
      }
      return entry;
    },
  };
}
