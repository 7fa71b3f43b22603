import { resolve } from 'node:path';
import { readConfig, type ServerConfig } from './config-schema.ts';
import { type StoreConfig, storeConfig } from './store/open-store.ts';

// The one module server code reads its settings from. They come from the environment at run time (not baked in at
// build) through the typed schema in config-schema.ts, which astro.config.mjs also declares to astro:env. Read on
// each call, so tests that set variables see them, until the built server pins it at start (`pinServerConfig`).

// On globalThis: the built server runs this module from src/ (its API fast path) and from Astro's bundle; one pin
// serves both copies.
const PINNED = Symbol.for('after-sales-academy/pinned-config');
const holder = globalThis as { [PINNED]?: ServerConfig };

/**
 * The validated configuration.
 * @throws ConfigError naming every invalid variable (boot.ts and start.mjs print it and stop the server).
 */
export function serverConfig(): ServerConfig {
  return holder[PINNED] ?? readConfig(process.env);
}

/**
 * Reads the configuration once and answers every later `serverConfig()` in this process with it. For the built
 * server (src/server/serve/), whose environment is fixed when it starts: the guard asks for the allowed origins on
 * every request, and re-reading and re-validating every variable each time was a measurable share of an autosave.
 * @throws ConfigError as `serverConfig`.
 */
export function pinServerConfig(): ServerConfig {
  holder[PINNED] = readConfig(process.env);
  return holder[PINNED];
}

/** The data folder: `DATA_DIR`, or `./data` under the server's working directory. */
export function dataDir(): string {
  return resolve(serverConfig().dataDir);
}

/** The content folder the server reads exams from: `CONTENT_DIR`, or `./content`. */
export function contentDir(): string {
  return resolve(serverConfig().contentDir);
}

/** Which store to open: PostgreSQL when `DATABASE_URL` is set, else lowdb in `dataDir()`. */
export function configuredStore(): StoreConfig {
  return storeConfig(serverConfig().databaseUrl ?? undefined, dataDir());
}

/** Whether the studio may write content files and rebuild (`STUDIO_PUBLISH=on`). */
export function studioPublishEnabled(): boolean {
  return serverConfig().studioPublish;
}

/**
 * `PUBLIC_URL`'s origin when set (the address people type, e.g. behind a TLS proxy), else `null`.
 * @throws ConfigError when PUBLIC_URL (or another variable) is invalid, so a typo stops the server at start.
 */
export function publicOrigin(): string | null {
  return serverConfig().publicOrigin;
}

/**
 * Host names whose requests may lend their origin to links when PUBLIC_URL is unset: this machine (`localhost`,
 * `127.0.0.1`, `::1`), the `HOST` the server listens on when it names one, and the comma-separated `ALLOWED_HOSTS`.
 * Any other Host header is whatever the client (or a proxy) sent, and a link built from it could send a trainee's
 * activation token to someone else's server.
 */
export function isListedHost(hostname: string): boolean {
  const bare = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const { host, allowedHosts } = serverConfig();
  const listed = ['localhost', '127.0.0.1', '::1', host, ...allowedHosts]
    .map((host) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'))
    .filter((host) => host !== '' && host !== '0.0.0.0' && host !== '::');
  return listed.includes(bare);
}

/**
 * The origin links (activation, setup, certificate verification) use for a request: PUBLIC_URL when set, else the
 * origin the request was made to when its host is listed (`isListedHost`), else `null`: no link may be built.
 */
export function linkOrigin(url: URL): string | null {
  return publicOrigin() ?? (isListedHost(url.hostname) ? url.origin : null);
}

/** Origins a state-changing request may come from. */
export function allowedOrigins(url: URL): string[] {
  const configured = publicOrigin();
  return configured && configured !== url.origin ? [url.origin, configured] : [url.origin];
}

/** Whether cookies must be Secure: the request came over https, or PUBLIC_URL says people use https. */
export function isHttps(url: URL): boolean {
  return url.protocol === 'https:' || (publicOrigin()?.startsWith('https:') ?? false);
}

/** Where the standalone server listens, as a browser would type it (same defaults as @astrojs/node). */
export function listeningOrigin(): string {
  const config = serverConfig();
  const rawHost = config.host;
  const host = ['0.0.0.0', '::', ''].includes(rawHost) ? 'localhost' : rawHost.includes(':') ? `[${rawHost}]` : rawHost;
  const protocol = config.serverCertPath && config.serverKeyPath ? 'https' : 'http';
  return `${protocol}://${host}:${config.port}`;
}
