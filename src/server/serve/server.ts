import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStoreForServing } from '../boot.ts';
import { listeningOrigin, pinServerConfig } from '../config.ts';
import { type GuardContext, guardRequest, isFormBody } from '../http/index.ts';
import { FastCookieJar } from './cookie-jar.ts';
import { type FastMatch, fastRouter, loadFastRoutes } from './fast-routes.ts';
import { requestUrl, toWebRequest, writeWebResponse } from './node-bridge.ts';
import { registerServedDist } from '../studio/index.ts';
import { staticFiles } from './static-files.ts';

/** The handler @astrojs/node exports in `middleware` mode (docs: "Middleware"): renders a route, or the 404 page. */
type AstroHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface ServeOptions {
  /** The project root: `dist/` and `src/pages/` are found under it. */
  readonly root: string;
  readonly host: string;
  readonly port: number;
  /** Serve every route through Astro (`ACADEMY_FAST_API=off`): for comparison and as an escape hatch. */
  readonly fastApi: boolean;
}

/**
 * The built server: one node:http(s) server in front of @astrojs/node's `middleware`-mode handler.
 *
 * - API endpoints whose handlers read only an `ApiContext` (every `apiRoute`) are called directly — the fast path:
 *   no Astro routing over every page, no render context, no static-file `stat` first — behind the same guard as
 *   Astro's middleware (`guardRequest`: origin check, session, access rules, error hiding, security headers).
 * - Everything else goes to the built site's files (`dist/client`) and then to Astro, as with the standalone server.
 *
 * The store is opened, and the first-run link printed, before it listens (`openStoreForServing`).
 */
export async function serveAcademy(options: ServeOptions): Promise<Server> {
  const config = pinServerConfig();
  registerServedDist(join(options.root, 'dist'));
  await openStoreForServing();
  const entry = pathToFileURL(join(options.root, 'dist/server/entry.mjs')).href;
  const { handler: astro } = (await import(entry)) as { handler: AstroHandler };
  const files = staticFiles(join(options.root, 'dist'));
  const { routes, leftToAstro } = options.fastApi
    ? await loadFastRoutes(join(options.root, 'src/pages'))
    : { routes: [], leftToAstro: [] };
  const match = fastRouter(routes);

  const toAstro = (req: IncomingMessage, res: ServerResponse) => {
    endInsteadOfDestroy(res);
    astro(req, res).catch((error: unknown) => failed(req, res, error));
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    try {
      decodeURI(target);
    } catch {
      res.writeHead(400);
      res.end('Bad request.');
      return;
    }
    const query = target.indexOf('?');
    const found = match(req.method ?? 'GET', query >= 0 ? target.slice(0, query) : target);
    // A form posted without JavaScript becomes a page through Astro's rewrite (http/form-post.ts): Astro serves it.
    if (found && !isFormBody(req.headers['content-type'])) {
      serveFast(found, req, res, options.port).catch((error: unknown) => failed(req, res, error));
      return;
    }
    files(req, res, () => toAstro(req, res));
  };

  const { serverCertPath: cert, serverKeyPath: key } = config;
  // Longer than the 60 s idle timeout of common proxies, so a proxy never reuses a connection this end has closed.
  const serverOptions = { keepAliveTimeout: 65_000 };
  const server =
    cert && key
      ? createHttpsServer({ ...serverOptions, cert: readFileSync(cert), key: readFileSync(key) }, listener)
      : createHttpServer(serverOptions, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const left = leftToAstro.map(({ file, reason }) => `${file} (${reason})`);
  console.log(
    `Server listening on ${listeningOrigin()}; ${routes.length} API routes on the fast path` +
      (options.fastApi ? (left.length ? `; left to Astro: ${left.join('; ')}` : '') : ' (ACADEMY_FAST_API=off)'),
  );
  return server;
}

async function serveFast(found: FastMatch, req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  const url = requestUrl(req, port);
  const request = await toWebRequest(req, url);
  const cookies = new FastCookieJar(req.headers.cookie);
  const locals: App.Locals = { user: null, session: null };
  const head = request.method === 'HEAD';
  const context: GuardContext = {
    request,
    url,
    cookies,
    locals,
    redirect: (path) => new Response(null, { status: 302, headers: { location: path } }),
  };
  const response = await guardRequest(context, async () => {
    const answer = await found.handler({
      request,
      url,
      params: found.params,
      cookies,
      locals,
      get clientAddress(): string {
        const address = req.socket.remoteAddress;
        if (!address) throw new Error('client address unknown');
        return address;
      },
    });
    return head ? new Response(null, answer) : answer;
  });
  await writeWebResponse(response, res, { head, extraCookies: cookies.setCookieHeaders() });
}

function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  console.error(`[server] ${req.method} ${req.url} failed:`, error);
  if (!res.headersSent) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Internal Server Error');
  } else {
    endTruncated(res);
  }
}

/**
 * Ends a response whose body broke off: the body so far is finished as is (a chunked body gets its last chunk), then
 * the connection is closed so nothing reuses it. Destroying the socket instead leaves a chunked body without its end,
 * and a browser then waits for the rest: Chromium's navigation never finishes.
 */
function endTruncated(res: ServerResponse): void {
  if (res.writableEnded || res.destroyed) return;
  // Node detaches the socket from the response when it finishes: keep hold of it to close it then.
  const socket = res.socket;
  res.end(() => socket?.end());
}

/**
 * Astro's response writer (`writeResponse` in astro/app/node) answers a page whose render throws after streaming began
 * by writing "Internal server error" and destroying the response; it logs the error once, when the response closes.
 * Here such a destroy ends the response instead (`endTruncated`): the browser gets the truncated page and a closed
 * connection rather than a spinner. A destroy before the headers are sent, or once the socket is gone, is unchanged.
 */
function endInsteadOfDestroy(res: ServerResponse): void {
  const destroy = res.destroy.bind(res);
  res.destroy = (error?: Error) => {
    if (!res.headersSent || res.writableEnded || res.destroyed || !res.socket || res.socket.destroyed) return destroy(error);
    endTruncated(res);
    return res;
  };
}
