import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { envField } from 'astro/config';
import { describe, expect, it } from 'vitest';
import { astroEnvSchema, ConfigError, configFields, readConfig } from '../../src/server/config-schema.ts';

const issuesOf = (env: Record<string, string>) => {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
};

describe('the server configuration schema', () => {
  it('gives every variable its documented default when the environment is empty (an empty value counts as unset)', () => {
    expect(readConfig({ PORT: '', HOST: '  ' })).toEqual({
      port: 4321,
      host: 'localhost',
      publicOrigin: null,
      allowedHosts: [],
      trustedProxies: [],
      dataDir: './data',
      contentDir: './content',
      databaseUrl: null,
      workers: 1,
      studioPublish: false,
      fastApi: true,
      serverCertPath: null,
      serverKeyPath: null,
    });
  });

  it('reads typed values: numbers, the public origin, the host list, the publish switch', () => {
    const config = readConfig({
      PORT: '8080',
      WORKERS: '2',
      DATABASE_URL: 'postgres://academy:secret@db:5432/academy',
      PUBLIC_URL: 'https://academy.example.com/some/path',
      ALLOWED_HOSTS: 'a.example, b.example ,',
      TRUSTED_PROXIES: '10.0.0.5, ::ffff:10.0.0.6,FD00::7',
      STUDIO_PUBLISH: 'on',
    });
    expect(config).toMatchObject({
      port: 8080,
      workers: 2,
      publicOrigin: 'https://academy.example.com',
      allowedHosts: ['a.example', 'b.example'],
      trustedProxies: ['10.0.0.5', '10.0.0.6', 'fd00::7'],
      studioPublish: true,
    });
  });

  it('names every invalid variable at once, with what it holds and what is expected', () => {
    const issues = issuesOf({ PORT: '80a', WORKERS: '0', PUBLIC_URL: 'academy.example.com', STUDIO_PUBLISH: 'yes', SERVER_CERT_PATH: 'cert.pem' });
    expect(issues).toEqual([
      'PORT=80a is not a whole number from 1 to 65535 (port the server listens on).',
      'WORKERS=0 is not a whole number from 1 to 64 (server processes (more than 1 needs DATABASE_URL)).',
      'PUBLIC_URL=academy.example.com is not an http(s) URL, e.g. https://academy.example.com.',
      'STUDIO_PUBLISH=yes is neither on nor off.',
      'SERVER_CERT_PATH and SERVER_KEY_PATH must be set together (or neither).',
    ]);
  });

  it('refuses a TRUSTED_PROXIES entry that is not an IP address (a host name would be looked up by nobody)', () => {
    expect(issuesOf({ TRUSTED_PROXIES: '10.0.0.5,proxy.lan' })).toEqual([
      'TRUSTED_PROXIES names proxy.lan, which is not an IP address (list the proxies\' addresses, e.g. 10.0.0.5,10.0.0.6).',
    ]);
  });

  it('never echoes a DATABASE_URL, which may hold a password', () => {
    const issues = issuesOf({ DATABASE_URL: 'mysql://root:hunter2@db/academy' });
    expect(issues).toEqual(['DATABASE_URL is not a postgres:// URL, e.g. postgres://academy@127.0.0.1:5432/academy.']);
  });

  it('refuses several workers on the lowdb store', () => {
    expect(issuesOf({ WORKERS: '2' })[0]).toMatch(/^WORKERS=2 needs the PostgreSQL store/);
  });

  it('declares the same fields to astro:env, all read at run time (server, secret)', () => {
    const schema = astroEnvSchema(envField);
    expect(Object.keys(schema).sort()).toEqual(Object.keys(configFields).sort());
    for (const field of Object.values(schema)) expect(field).toMatchObject({ context: 'server', access: 'secret', optional: true });
    expect(schema.PORT).toMatchObject({ type: 'number', int: true, default: 4321 });
    expect(schema.STUDIO_PUBLISH).toMatchObject({ type: 'enum', values: ['on', 'off'], default: 'off' });
  });

  it('stops `npm start` on an invalid value with the message and no stack trace', () => {
    const start = fileURLToPath(new URL('../../src/server/start.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [start], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The server configuration is invalid');
    expect(result.stderr).toContain('PORT=eighty is not a whole number from 1 to 65535');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
