import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { MAX_BODY_BYTES } from '../http/index.ts';

/**
 * The request URL as Astro's node adapter builds it (`createRequestFromNodeRequest`): the socket's protocol, the Host
 * header as sent (or `localhost:<port>`), the path as sent. Forwarded headers are not trusted, as in Astro without
 * `security.allowedDomains`.
 */
export function requestUrl(req: IncomingMessage, port: number): URL {
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const host = typeof req.headers.host === 'string' ? req.headers.host : `localhost:${port}`;
  return new URL(`${encrypted ? 'https' : 'http'}://${host}${req.url ?? '/'}`);
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  return headers;
}

/**
 * Reads a request body into memory, at most `MAX_BODY_BYTES + 1` bytes: enough for `readJson` to refuse an oversized
 * body with BODY_TOO_LARGE exactly as it does on Astro's streamed body, without holding more. A declared
 * Content-Length above the limit is not read at all (`readJson` refuses it from the header).
 */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** A WHATWG Request for a Node request, with the body already read (GET and HEAD have none, as in Astro). */
export async function toWebRequest(req: IncomingMessage, url: URL): Promise<Request> {
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(req) : null;
  return new Request(url, { method, headers: requestHeaders(req), body: body && body.byteLength > 0 ? new Uint8Array(body) : null });
}

/**
 * Writes a WHATWG Response to a Node response: status, headers (every Set-Cookie, the response's and `extraCookies`),
 * then the body with its Content-Length (API answers are small), or, for a download without a length, streamed as
 * it is produced; no body for HEAD.
 */
export async function writeWebResponse(
  response: Response,
  res: ServerResponse,
  options: { readonly head: boolean; readonly extraCookies: readonly string[] },
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value;
  const cookies = [...response.headers.getSetCookie(), ...options.extraCookies];
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (options.head || !response.body) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (isStreamedDownload(response)) {
    // An export written page by page (see exports/download.ts): sent chunked as produced, never held whole.
    res.writeHead(response.status, headers);
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** A file download (Content-Disposition: attachment) that did not state its length: its body is a stream to pass on. */
function isStreamedDownload(response: Response): boolean {
  return !response.headers.has('content-length') && (response.headers.get('content-disposition') ?? '').startsWith('attachment');
}
