// The server's configuration, as one typed schema. Plain TypeScript with no Astro import, so the launcher
// (start.mjs), the CLIs and the tests read exactly what the server reads; astro.config.mjs declares the same fields
// to `astro:env` (`astroEnvSchema`), which types `astro:env/server` and validates them when the built server starts.
import { isIP } from 'node:net';

/** How one variable is read; every field is optional in the environment. */
type FieldSpec =
  | { readonly kind: 'string'; readonly default?: string; readonly description: string }
  | { readonly kind: 'int'; readonly min: number; readonly max: number; readonly default: number; readonly description: string }
  | { readonly kind: 'url'; readonly protocols: readonly string[]; readonly expected: string; readonly example: string; readonly description: string }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly default: string; readonly description: string };

/** Every variable the server, the launcher and the CLIs read, with its default; docs/operations.md lists the same. */
export const configFields = {
  PORT: { kind: 'int', min: 1, max: 65535, default: 4321, description: 'port the server listens on' },
  HOST: { kind: 'string', default: 'localhost', description: 'address the server listens on (0.0.0.0 for every interface)' },
  PUBLIC_URL: {
    kind: 'url',
    protocols: ['http:', 'https:'],
    expected: 'an http(s) URL',
    example: 'https://academy.example.com',
    description: 'the address people type (behind a proxy); links and the origin check use it',
  },
  ALLOWED_HOSTS: { kind: 'string', description: 'comma-separated host names whose requests may lend their origin to links when PUBLIC_URL is unset' },
  TRUSTED_PROXIES: {
    kind: 'string',
    description: 'comma-separated IP addresses of the reverse proxies in front; from them the client address is read from X-Forwarded-For',
  },
  DATA_DIR: { kind: 'string', default: './data', description: 'the lowdb data folder (and sessions, studio history)' },
  CONTENT_DIR: { kind: 'string', default: './content', description: 'the content folder the server reads exams from' },
  DATABASE_URL: {
    kind: 'url',
    protocols: ['postgres:', 'postgresql:'],
    expected: 'a postgres:// URL',
    example: 'postgres://academy@127.0.0.1:5432/academy',
    description: 'PostgreSQL store instead of lowdb',
  },
  WORKERS: { kind: 'int', min: 1, max: 64, default: 1, description: 'server processes (more than 1 needs DATABASE_URL)' },
  STUDIO_PUBLISH: { kind: 'enum', values: ['on', 'off'], default: 'off', description: 'whether the studio may write content files and rebuild' },
  ACADEMY_FAST_API: { kind: 'enum', values: ['on', 'off'], default: 'on', description: 'off serves the API through Astro\'s page pipeline too' },
  SERVER_CERT_PATH: { kind: 'string', description: 'TLS certificate file (@astrojs/node serves https when both are set)' },
  SERVER_KEY_PATH: { kind: 'string', description: 'TLS key file' },
} as const satisfies Record<string, FieldSpec>;

export type ConfigName = keyof typeof configFields;

/** The configuration with defaults applied. Paths are as given (relative to the working directory). */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** `PUBLIC_URL`'s origin, or null when unset. */
  readonly publicOrigin: string | null;
  readonly allowedHosts: readonly string[];
  /** `TRUSTED_PROXIES`: IP addresses whose X-Forwarded-For names the client (normalised: no IPv4-mapped prefix). */
  readonly trustedProxies: readonly string[];
  readonly dataDir: string;
  readonly contentDir: string;
  readonly databaseUrl: string | null;
  readonly workers: number;
  readonly studioPublish: boolean;
  /** Whether the API is served on the fast path without Astro's page pipeline (`ACADEMY_FAST_API`, on by default). */
  readonly fastApi: boolean;
  readonly serverCertPath: string | null;
  readonly serverKeyPath: string | null;
}

/** Thrown by `readConfig` with one line per invalid variable; its message is meant for the operator as is. */
export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(['The server configuration is invalid (see docs/operations.md, Configuration):', ...issues.map((issue) => `  ${issue}`)].join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** An IPv4 address as a dual-stack socket reports it (`::ffff:10.0.0.5`) written plainly; others unchanged, lower case. */
export function plainIp(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/**
 * Reads and validates the configuration from `env` (an empty value counts as unset).
 * @throws ConfigError naming every invalid variable, what it holds and what is expected.
 */
export function readConfig(env: Env): ServerConfig {
  const issues: string[] = [];
  const raw = (name: ConfigName) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const int = (name: 'PORT' | 'WORKERS') => {
    const spec = configFields[name];
    const value = raw(name);
    if (value === undefined) return spec.default;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < spec.min || n > spec.max) {
      issues.push(`${name}=${value} is not a whole number from ${spec.min} to ${spec.max} (${spec.description}).`);
      return spec.default;
    }
    return n;
  };
  const url = (name: 'PUBLIC_URL' | 'DATABASE_URL') => {
    const spec = configFields[name];
    const value = raw(name);
    if (value === undefined) return null;
    const parsed = URL.parse(value);
    if (!parsed || !(spec.protocols as readonly string[]).includes(parsed.protocol)) {
      // A database URL may carry a password: name the variable, not its value.
      const shown = name === 'DATABASE_URL' ? '' : `=${value}`;
      issues.push(`${name}${shown} is not ${spec.expected}, e.g. ${spec.example}.`);
      return null;
    }
    return parsed;
  };
  const port = int('PORT');
  const workers = int('WORKERS');
  const publicUrl = url('PUBLIC_URL');
  const databaseUrl = url('DATABASE_URL') ? raw('DATABASE_URL')! : null;
  const publish = raw('STUDIO_PUBLISH') ?? configFields.STUDIO_PUBLISH.default;
  if (!(configFields.STUDIO_PUBLISH.values as readonly string[]).includes(publish)) issues.push(`STUDIO_PUBLISH=${publish} is neither on nor off.`);
  const fastApi = raw('ACADEMY_FAST_API') ?? configFields.ACADEMY_FAST_API.default;
  if (!(configFields.ACADEMY_FAST_API.values as readonly string[]).includes(fastApi)) issues.push(`ACADEMY_FAST_API=${fastApi} is neither on nor off.`);
  const certPath = raw('SERVER_CERT_PATH') ?? null;
  const keyPath = raw('SERVER_KEY_PATH') ?? null;
  if ((certPath === null) !== (keyPath === null)) issues.push('SERVER_CERT_PATH and SERVER_KEY_PATH must be set together (or neither).');
  if (workers > 1 && raw('DATABASE_URL') === undefined) {
    issues.push(`WORKERS=${workers} needs the PostgreSQL store: several processes cannot share one lowdb data folder; set DATABASE_URL=postgres://… or drop WORKERS.`);
  }
  const trustedProxies = (raw('TRUSTED_PROXIES') ?? '').split(',').map((address) => plainIp(address.trim())).filter((address) => address !== '');
  for (const address of trustedProxies) {
    if (isIP(address) === 0) issues.push(`TRUSTED_PROXIES names ${address}, which is not an IP address (list the proxies' addresses, e.g. 10.0.0.5,10.0.0.6).`);
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return {
    port,
    host: raw('HOST') ?? configFields.HOST.default,
    publicOrigin: publicUrl?.origin ?? null,
    allowedHosts: (raw('ALLOWED_HOSTS') ?? '').split(',').map((host) => host.trim()).filter((host) => host !== ''),
    trustedProxies,
    dataDir: raw('DATA_DIR') ?? configFields.DATA_DIR.default,
    contentDir: raw('CONTENT_DIR') ?? configFields.CONTENT_DIR.default,
    databaseUrl,
    workers,
    studioPublish: publish === 'on',
    fastApi: fastApi === 'on',
    serverCertPath: certPath,
    serverKeyPath: keyPath,
  };
}

/** The subset of Astro's `envField` that `astroEnvSchema` uses (so this module needs no Astro import). */
export interface EnvFieldFactory {
  string(options: { context: 'server'; access: 'secret'; optional: true; default?: string; url?: boolean }): unknown;
  number(options: { context: 'server'; access: 'secret'; optional: true; default?: number; int?: boolean; gt?: number; lt?: number }): unknown;
  enum(options: { context: 'server'; access: 'secret'; optional: true; values: string[]; default?: string }): unknown;
}

/**
 * The same fields as an `astro:env` schema, for astro.config.mjs. Every field is `server`/`secret`: the values are
 * read when the server runs, never baked into the build; `validateSecrets` checks them at start.
 */
export function astroEnvSchema(envField: EnvFieldFactory): Record<ConfigName, unknown> {
  const server = { context: 'server', access: 'secret', optional: true } as const;
  const entries = Object.entries(configFields).map(([name, spec]: [string, FieldSpec]) => {
    switch (spec.kind) {
      case 'int':
        return [name, envField.number({ ...server, default: spec.default, int: true, gt: spec.min - 1, lt: spec.max + 1 })];
      case 'url':
        return [name, envField.string({ ...server, url: true })];
      case 'enum':
        return [name, envField.enum({ ...server, values: [...spec.values], default: spec.default })];
      case 'string':
        return [name, envField.string({ ...server, ...(spec.default !== undefined ? { default: spec.default } : {}) })];
    }
  });
  return Object.fromEntries(entries) as Record<ConfigName, unknown>;
}
