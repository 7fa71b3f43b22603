import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (README, Requirements); `.ci/run` installs it when missing. */
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const SUPERUSER = 'academy';

/** A throwaway PostgreSQL cluster: its URL makes new databases; `stop` removes every trace. */
export interface PostgresCluster {
  /** postgres://academy@127.0.0.1:<port>/<database> for a fresh, empty database. */
  createDatabase(name?: string): Promise<string>;
  /**
   * Crashes the cluster (`pg_ctl stop -m immediate`: every PostgreSQL process ends at once, no checkpoint) and starts
   * it again on the same port: the next start replays the write-ahead log, as after a crash of the database server
   * (the operating system keeps what PostgreSQL wrote; a power cut is not simulated).
   */
  crashAndRestart(): Promise<void>;
  /** The postmaster's process id (its backends are its children): for CPU readings of the whole database server. */
  postmasterPid(): number;
  stop(): Promise<void>;
}

export interface PostgresClusterOptions {
  /** Extra server settings (`-c name=value`), e.g. `shared_preload_libraries: 'pg_stat_statements'`. */
  readonly settings?: Readonly<Record<string, string>>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` system user. */
function asOwner(command: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

let databases = 0;

/**
 * Starts a PostgreSQL cluster of its own in a temp folder on a random free port (trust auth, 127.0.0.1 only, fsync
 * on: durability is part of what the tests check). Fails, never skips, when PostgreSQL is not installed.
 */
export async function startPostgres(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const initdb = join(BIN, 'initdb');
  if (!existsSync(initdb)) {
    throw new Error(`PostgreSQL is not installed (${initdb} is missing): apt-get install -y postgresql (README, Requirements), or set PG_BIN.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'academy-pg-'));
  // The postgres user must be able to enter the folder (mkdtemp makes it 0700, owned by us).
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir]);
  else await chmod(dir, 0o700);
  const data = join(dir, 'data');
  try {
    await run(...asOwner(initdb, ['-D', data, '-A', 'trust', '-U', SUPERUSER, '-E', 'UTF8', '--no-locale']));
    const settings = Object.entries(options.settings ?? {}).map(([name, value]) => ` -c ${name}=${value}`).join('');
    const start = (port: number) =>
      run(
        ...asOwner(join(BIN, 'pg_ctl'), [
          '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60',
          '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${settings}`,
          'start',
        ]),
      );
    let port = 0;
    for (let attempt = 0; ; attempt += 1) {
      port = await freePort();
      try {
        await start(port);
        break;
      } catch (error) {
        // Another process took the port between the probe and the start: try another one.
        if (attempt >= 3) throw error;
      }
    }
    const stop = async () => {
      await run(...asOwner(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    };
    return {
      async createDatabase(name = `academy_${process.pid}_${(databases += 1)}`) {
        const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE "${name}"`);
        } finally {
          await admin.end();
        }
        return `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
      },
      async crashAndRestart() {
        await run(...asOwner(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']));
        await start(port);
      },
      postmasterPid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
      stop,
    };
  } catch (error) {
    await run(...asOwner(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
