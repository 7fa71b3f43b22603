import { resolve } from 'node:path';
import { type StoreConfig, storeConfig } from './store/open-store.ts';

// Settings read from the environment at run time (not baked in at build), in one place.

/** The data folder: `DATA_DIR`, or `./data` under the server's working directory. */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? './data');
}

/** Which store to open: PostgreSQL when `DATABASE_URL` is set, else lowdb in `dataDir()`. */
export function configuredStore(): StoreConfig {
  return storeConfig(process.env.DATABASE_URL, dataDir());
}

/**
 * `PUBLIC_URL`'s origin when set (the address people type, e.g. behind a TLS proxy), else `null`.
 * @throws Error when PUBLIC_URL is set but not an http(s) URL, so a typo stops the server at start.
 */
export function publicOrigin(): string | null {
  const value = process.env.PUBLIC_URL;
  if (!value) return null;
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`PUBLIC_URL=${value} is not an http(s) URL, e.g. https://academy.example.com`);
  }
  return url.origin;
}

/**
 * Host names whose requests may lend their origin to links when PUBLIC_URL is unset: this machine (`localhost`,
 * `127.0.0.1`, `::1`), the `HOST` the server listens on when it names one, and the comma-separated `ALLOWED_HOSTS`.
 * Any other Host header is whatever the client (or a proxy) sent, and a link built from it could send a trainee's
 * activation token to someone else's server.
 */
export function isListedHost(hostname: string): boolean {
  const bare = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const listed = ['localhost', '127.0.0.1', '::1', process.env.HOST ?? '', ...(process.env.ALLOWED_HOSTS ?? '').split(',')]
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
  const rawHost = process.env.HOST ?? 'localhost';
  const host = ['0.0.0.0', '::', ''].includes(rawHost) ? 'localhost' : rawHost.includes(':') ? `[${rawHost}]` : rawHost;
  const protocol = process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH ? 'https' : 'http';
  return `${protocol}://${host}:${process.env.PORT ?? '4321'}`;
}
