import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { jsonTextOf, MAX_BODY_BYTES, withPrereadBody } from '../http/index.ts';

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
 * body with BODY_TOO_LARGE exactly as it does on Astro's streamed body, without holding more (the request stream is
 * then destroyed, as breaking out of its async iterator did). A declared Content-Length above the limit is not read
 * at all (`readJson` refuses it from the header).
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve(Buffer.alloc(0));
  // Plain listeners, not `for await`: an autosave's body is one chunk, and the async iterator cost more than it.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', done);
      req.off('error', reject);
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        done();
        req.destroy();
      }
    };
    req.on('data', onData);
    req.once('end', done);
    req.once('error', reject);
  });
}

/**
 * A WHATWG Request for a Node request (GET and HEAD have no body, as in Astro). The body is read first and handed to
 * `readJson` directly (`withPrereadBody`) rather than wrapped in a stream: `request.body` is null on the fast path.
 */
export async function toWebRequest(req: IncomingMessage, url: URL): Promise<Request> {
  const method = req.method ?? 'GET';
  const request = new Request(url, { method, headers: requestHeaders(req) });
  if (method === 'GET' || method === 'HEAD') return request;
  const body = await readBody(req);
  return withPrereadBody(request, new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength));
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
  // A JSON answer made by jsonOk/jsonError is written from its text: its body stream is never read.
  const text = jsonTextOf(response);
  if (options.head || (text === undefined && !response.body)) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (text === undefined && isStreamedDownload(response)) {
    // An export written page by page (see exports/download.ts): sent chunked as produced, never held whole.
    res.writeHead(response.status, headers);
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
    return;
  }
  const body = text === undefined ? Buffer.from(await response.arrayBuffer()) : text;
  headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** A file download (Content-Disposition: attachment) that did not state its length: its body is a stream to pass on. */
function isStreamedDownload(response: Response): boolean {
  return !response.headers.has('content-length') && (response.headers.get('content-disposition') ?? '').startsWith('attachment');
}
