import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, START } from '../../tests/server/built-server.ts';
import { startPostgres } from '../../tests/store/postgres-cluster.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { httpClient } from './http-client.ts';
import { EXAM_ID, prefillStore } from './prefill.ts';

/** What one autosave costs the database, counted by pg_stat_statements over a run of sequential autosaves. */
export interface RoundTripCount {
  readonly autosaves: number;
  /** Statements per autosave (BEGIN and COMMIT count: each is a round trip), all of them. */
  readonly perAutosave: number;
  /** Each statement the server ran while the autosaves were measured, with its calls, most called first. */
  readonly statements: readonly { readonly query: string; readonly calls: number }[];
}

/**
 * Starts a PostgreSQL cluster with pg_stat_statements, the built server of `start` (default: this checkout's) with one
 * process on it, one trainee who starts an attempt and saves `warmup` answers, then counts the statements of
 * `autosaves` more, one after another, each a new version of one of the paper's questions.
 */
export async function countAutosaveRoundTrips(options: { readonly autosaves?: number; readonly warmup?: number; readonly start?: string } = {}): Promise<RoundTripCount> {
  const autosaves = options.autosaves ?? 100;
  const cluster = await startPostgres({ settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } });
  try {
    const url = await cluster.createDatabase();
    const store = await openPostgresStore(url, { migrate: true });
    const [trainee] = await prefillStore(store, { attempts: 1, answersPerAttempt: 20, alumni: 1, trainees: 1, sessions: true }).finally(() => store.close());
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [options.start ?? START], {
      cwd: join(options.start ?? START, '../../..'),
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: url, NODE_ENV: 'production', WORKERS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const client = httpClient(origin);
    try {
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      for (let tries = 0; ; tries += 1) {
        const me = await client.send('GET', '/api/auth/me', { token: trainee!.token });
        if (me.status === 200) break;
        if (tries > 1200 || child.exitCode !== null) throw new Error(`server did not serve:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const started = await client.send('POST', `/api/exams/${EXAM_ID}/start`, { token: trainee!.token });
      if (started.status !== 201 && started.status !== 200) throw new Error(`start answered ${started.status}: ${started.body}`);
      const attempt = (JSON.parse(started.body) as { attempt: { id: string; questions: { id: string }[] } }).attempt;
      let version = 0;
      const save = async () => {
        version += 1;
        const itemId = attempt.questions[version % attempt.questions.length]!.id;
        const saved = await client.send('PUT', `/api/attempts/${attempt.id}/answers`, {
          token: trainee!.token,
          json: { itemId, response: null, flagged: version % 2 === 0, version },
        });
        if (saved.status !== 200) throw new Error(`autosave answered ${saved.status}: ${saved.body}`);
      };
      for (let i = 0; i < (options.warmup ?? 5); i += 1) await save();
      await admin.query('SELECT pg_stat_statements_reset()');
      for (let i = 0; i < autosaves; i += 1) await save();
      const rows = (
        await admin.query<{ query: string; calls: string }>(
          `SELECT query, calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
           WHERE d.datname = current_database() AND query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC, query`,
        )
      ).rows;
      const statements = rows.map((row) => ({ query: row.query.replace(/\s+/g, ' ').trim(), calls: Number(row.calls) }));
      return { autosaves, perAutosave: statements.reduce((sum, row) => sum + row.calls, 0) / autosaves, statements };
    } finally {
      client.close();
      await admin.end();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  } finally {
    await cluster.stop();
  }
}
