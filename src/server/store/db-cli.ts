// `npm run db:migrate` and `npm run db:import -- --from <DATA_DIR>`: the PostgreSQL store's operator commands.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { ConfigError, readConfig } from '../config-schema.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { migrate } from './postgres-schema.ts';
import { openPool, openPostgresStore, redactUrl } from './postgres-store.ts';
import type { Store } from './store.ts';

const USAGE = `Usage:
  DATABASE_URL=postgres://… npm run db:migrate
  DATABASE_URL=postgres://… npm run db:import -- --from <DATA_DIR>`;

/** Attempts copied per page: bounded memory whatever the number of attempts. */
const PAGE = 500;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function databaseUrl(): string {
  let url: string | null;
  try {
    url = readConfig(process.env).databaseUrl;
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message}\n${USAGE}`, 2);
    throw error;
  }
  if (!url) fail(`DATABASE_URL is not set.\n${USAGE}`, 2);
  return url;
}

async function migrateCommand(): Promise<void> {
  const url = databaseUrl();
  const pool = openPool(url, 1);
  try {
    const applied = await migrate(pool);
    console.log(
      applied.length > 0
        ? `Applied migration(s) ${applied.join(', ')} to ${redactUrl(url)}.`
        : `${redactUrl(url)} is up to date; nothing to apply.`,
    );
  } finally {
    await pool.end();
  }
}

export interface ImportCounts {
  readonly users: number;
  readonly activations: number;
  readonly attempts: number;
  readonly answers: number;
  readonly certificates: number;
  readonly assignments: number;
  /** Practice records (one per trainee and practice item) and the trainees who have any. */
  readonly practiceRecords: number;
  readonly practiceUsers: number;
}

/** What a store holds, counted through its read API. */
export async function countStore(store: Store): Promise<ImportCounts> {
  const users = await store.listUsers();
  let activations = 0;
  for (const user of users) if (await store.latestActivationOf(user.id)) activations += 1;
  let attempts = 0;
  let answers = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.pageAttempts({}, { offset, limit: PAGE });
    for (const summary of page.attempts) {
      const attempt = await store.getAttempt(summary.id);
      attempts += 1;
      answers += Object.keys(attempt?.answers ?? {}).length;
    }
    if (offset + PAGE >= page.total) break;
  }
  let practiceRecords = 0;
  let practiceUsers = 0;
  for (const user of users) {
    const records = (await store.getPractice(user.id)).length;
    practiceRecords += records;
    if (records > 0) practiceUsers += 1;
  }
  return {
    users: users.length,
    activations,
    attempts,
    answers,
    certificates: (await store.listCertificates()).length,
    assignments: (await store.listAssignments()).length,
    practiceRecords,
    practiceUsers,
  };
}

/** What each area is called in the import's report, in the order the import copies them. */
export const AREA_LABELS: Readonly<Record<keyof ImportCounts, string>> = {
  users: 'accounts',
  activations: 'activation links',
  attempts: 'attempts',
  answers: 'answers',
  certificates: 'certificates',
  assignments: 'assignments',
  practiceRecords: 'practice records',
  practiceUsers: 'trainees with practice records',
};

/**
 * Copies every area worth keeping from `from` into `to`, through both stores' contract verbs: users, their latest
 * activation links (earlier ones are void), attempts with their answers, certificates, assignments and practice
 * records; then counts both per area and throws when any differs. Not copied, on purpose: sessions (everyone signs
 * in again, so no cookie issued before the move works after it), login-failure counts and remembered sign-in places
 * (they start afresh), and a first-run setup token (a server on an empty database prints a new one). `to` must hold
 * no accounts yet: an import is all or nothing only in that a failed one is redone into a fresh database.
 */
export async function importStore(from: Store, to: Store): Promise<ImportCounts> {
  const existing = await to.countUsers();
  if (existing > 0) {
    throw new Error(
      `The target database holds ${existing} account(s) already: db:import only fills an empty database, so nothing was written. ` +
        'If an earlier import stopped halfway, recreate the database (dropdb, createdb, npm run db:migrate) and import again.',
    );
  }
  const users = await from.listUsers();
  await to.importUsers(users);
  for (const user of users) {
    const activation = await from.latestActivationOf(user.id);
    if (activation) await to.createActivation(activation);
  }
  for (let offset = 0; ; offset += PAGE) {
    const page = await from.pageAttempts({}, { offset, limit: PAGE });
    for (const summary of page.attempts) {
      const attempt = await from.getAttempt(summary.id);
      if (attempt) await to.importAttempt(attempt);
    }
    if (offset + PAGE >= page.total) break;
  }
  for (const certificate of await from.listCertificates()) {
    const issued = await to.issueCertificate(certificate);
    if (!issued.ok) throw new Error(`Certificate ${certificate.id}: ${issued.code}`);
  }
  // Revisions restart at 1: they only order edits made from now on.
  for (const { revision: _revision, ...assignment } of await from.listAssignments()) {
    const created = await to.createAssignment(assignment);
    if (!created.ok) throw new Error(`Assignment ${assignment.id}: ${created.code}`);
  }
  for (const user of users) {
    const records = await from.getPractice(user.id);
    if (records.length > 0) await to.mergePractice(user.id, records);
  }
  const [source, target] = await Promise.all([countStore(from), countStore(to)]);
  for (const key of Object.keys(source) as (keyof ImportCounts)[]) {
    if (source[key] !== target[key]) {
      throw new Error(`Count mismatch after import: ${AREA_LABELS[key]} ${source[key]} in the folder, ${target[key]} in the database.`);
    }
  }
  return target;
}

async function importCommand(fromArg: string | undefined): Promise<void> {
  if (!fromArg) fail(`--from <DATA_DIR> is required.\n${USAGE}`, 2);
  const dataDir = resolve(fromArg);
  if (!existsSync(dataDir)) fail(`${dataDir} does not exist.`, 2);
  const url = databaseUrl();
  const from = await openLowdbStore(dataDir);
  const to = await openPostgresStore(url, { migrate: true });
  try {
    const counts = await importStore(from, to);
    console.log(`Imported ${dataDir} into ${redactUrl(url)}; counted both sides, equal in every area:`);
    for (const key of Object.keys(AREA_LABELS) as (keyof ImportCounts)[]) console.log(`  ${AREA_LABELS[key]}: ${counts[key]}`);
    console.log(
      'Not copied, on purpose: sessions (everyone signs in again), login-failure counts and remembered sign-in places ' +
        '(they start afresh), the first-run setup token.',
    );
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { from: { type: 'string' } },
  });
  const command = positionals[0];
  try {
    if (command === 'migrate') await migrateCommand();
    else if (command === 'import') await importCommand(values.from);
    else fail(USAGE, 2);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
