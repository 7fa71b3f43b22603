import { openLowdbReader } from './read-only.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { openPostgresReader, openPostgresStore, redactUrl } from './postgres-store.ts';
import type { CertificateReader, Store } from './store.ts';

/** Where the data lives: a lowdb data folder (the default) or a PostgreSQL database. */
export type StoreConfig =
  | { readonly kind: 'lowdb'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * The store configuration from `DATABASE_URL` (postgres:// or postgresql://: PostgreSQL) or else the data folder.
 * @throws Error when DATABASE_URL is set but is not a PostgreSQL URL, so a typo stops the server at start.
 */
export function storeConfig(databaseUrl: string | undefined, dataDir: string): StoreConfig {
  if (!databaseUrl) return { kind: 'lowdb', dataDir };
  const url = URL.parse(databaseUrl);
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new Error(`DATABASE_URL=${redactUrl(databaseUrl)} is not a PostgreSQL URL, e.g. postgres://academy:secret@db.internal:5432/academy`);
  }
  return { kind: 'postgres', url: databaseUrl };
}

/** Opens the configured store (PostgreSQL: refuses a database that lacks migrations, see `npm run db:migrate`). */
export function openStore(config: StoreConfig): Promise<Store> {
  return config.kind === 'postgres' ? openPostgresStore(config.url) : openLowdbStore(config.dataDir);
}

/** Opens the configured store's certificate reads for a report that runs beside the server (lowdb: read-only). */
export function openCertificateReader(config: StoreConfig): Promise<CertificateReader> {
  return config.kind === 'postgres' ? openPostgresReader(config.url) : openLowdbReader(config.dataDir);
}

/** One line for the start banner and /healthz: which store, and where (no password). */
export function describeStore(store: Pick<Store, 'kind' | 'location'>): string {
  return store.kind === 'postgres' ? `PostgreSQL ${store.location}` : `lowdb ${store.location}`;
}
