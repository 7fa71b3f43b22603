import './io-threads.ts';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { AttemptFiles } from './attempt-files.ts';
import { type DurableIo, DurableJsonFile, TEMP_FILE } from './durable-file.ts';
import { JsonDoc } from './json-doc.ts';
import { Lifecycle } from './lifecycle.ts';
import { LowdbAccounts } from './lowdb-accounts.ts';
import { LowdbAssignments } from './lowdb-assignments.ts';
import { AssignmentsFileSchema, type AssignmentsFile } from './assignment-schemas.ts';
import { LowdbAttempts } from './lowdb-attempts.ts';
import { LowdbCertificates } from './lowdb-certificates.ts';
import { LowdbPractice, type PracticeFile, PracticeFileSchema } from './lowdb-practice.ts';
import { LowdbSessions, LowdbThrottle } from './lowdb-sessions.ts';
import {
  type AccountsFile,
  AccountsFileSchema,
  type CertificatesFile,
  CertificatesFileSchema,
  type SessionsFile,
  SessionsFileSchema,
  type ThrottleFile,
  ThrottleFileSchema,
} from './schemas.ts';
import type { Store } from './store.ts';
import type { User } from './types.ts';

export interface LowdbStoreOptions {
  /** Replaces the file-system calls of durable writes (tests use it to record or break them). */
  readonly io?: DurableIo;
}

/** The data folder's layout; docs/operations.md "Data, backup and restore" documents the same names. */
export const DATA_FILES = {
  accounts: 'accounts.json',
  sessions: 'sessions.json',
  throttle: 'throttle.json',
  certificates: 'certificates.json',
  practice: 'practice.json',
  attempts: 'attempts',
  attemptIndex: 'attempt-index.jsonl',
  attemptItems: 'attempt-items.jsonl',
  assignments: 'assignments.json',
} as const;

/**
 * Opens (creating when absent) the lowdb store in `dataDir`: small "cold" files for accounts, sessions, the login
 * throttle and certificates; under `attempts/` a snapshot and an answer log per attempt, listed by
 * `attempt-index.jsonl`. The small files, the index and every attempt that can still change (in progress, or not yet
 * in the index) are read and validated before anything is written; closed attempts are validated when first read.
 * Only then are leftover temp files of interrupted writes removed and the index brought up to date.
 * @throws StoreCorruptError naming the first data file that cannot be trusted; nothing is written in that case.
 */
export async function openLowdbStore(dataDir: string, options: LowdbStoreOptions = {}): Promise<Store> {
  const attemptsDir = join(dataDir, DATA_FILES.attempts);
  await mkdir(attemptsDir, { recursive: true, mode: 0o700 });
  // Pretty JSON for files an operator may read; sessions.json is rewritten on every login and once a minute per
  // active session, and compact JSON halves that cost (nobody edits it: deleting it is its documented fix).
  const file = <T>(name: string, schema: z.ZodType<T>, pretty = true) =>
    new DurableJsonFile(join(dataDir, name), schema, { pretty, ...(options.io ? { io: options.io } : {}) });
  const lifecycle = new Lifecycle();

  const accountsDoc = await JsonDoc.open<AccountsFile>(file(DATA_FILES.accounts, AccountsFileSchema), {
    version: 1,
    users: [],
    activations: [],
    setup: null,
  });
  const sessionsDoc = await JsonDoc.open<SessionsFile>(
    file(DATA_FILES.sessions, SessionsFileSchema, false),
    { version: 1, sessions: [] },
    // LowdbSessions replaces session objects and never edits one in place, so copying the list is enough: a deep
    // copy of thousands of sessions on every login or touch was a large share of the server's CPU under load.
    (data) => ({ ...data, sessions: [...data.sessions] }),
  );
  const throttleDoc = await JsonDoc.open<ThrottleFile>(
    file(DATA_FILES.throttle, ThrottleFileSchema),
    { version: 1, failures: [], known: [] },
    // LowdbThrottle replaces both lists (filter, then push onto the new list) and never edits an entry in place; the
    // known sign-ins grow with the number of trainees, so a deep copy per login would be wasted work.
    (data) => ({ ...data }),
  );
  const certificatesDoc = await JsonDoc.open<CertificatesFile>(file(DATA_FILES.certificates, CertificatesFileSchema), {
    version: 1,
    certificates: [],
  });
  const practiceDoc = await JsonDoc.open<PracticeFile>(file(DATA_FILES.practice, PracticeFileSchema, false), { version: 1, users: [] });
  const assignmentsDoc = await JsonDoc.open<AssignmentsFile>(file(DATA_FILES.assignments, AssignmentsFileSchema), {
    version: 1,
    assignments: [],
  });
  const attemptFiles = await AttemptFiles.open(attemptsDir, join(dataDir, DATA_FILES.attemptIndex), options.io, join(dataDir, DATA_FILES.attemptItems));

  for (const dir of [dataDir, attemptsDir]) {
    for (const name of await readdir(dir)) {
      if (TEMP_FILE.test(name)) await unlink(join(dir, name)).catch(() => undefined);
    }
  }
  await attemptFiles.finishOpen();

  const sessions = new LowdbSessions(sessionsDoc, lifecycle, (id): Promise<User | null> => accounts.findUser(id));
  const throttle = new LowdbThrottle(throttleDoc, lifecycle);
  const certificates = new LowdbCertificates(certificatesDoc, lifecycle);
  const accounts = new LowdbAccounts(accountsDoc, lifecycle, (userId) => sessions.deleteSessionsOf(userId));
  const attempts = new LowdbAttempts(attemptFiles, lifecycle);
  const practice = new LowdbPractice(practiceDoc, lifecycle);
  const assignments = new LowdbAssignments(assignmentsDoc, lifecycle);

  // Delegation, one line per verb, so the compiler checks that every verb of Store is served.
  return {
    kind: 'lowdb',
    location: dataDir,
    async ping() {
      lifecycle.assertOpen();
    },
    countUsers: (filter) => accounts.countUsers(filter),
    findUser: (id) => accounts.findUser(id),
    findUserByEmployeeId: (employeeId) => accounts.findUserByEmployeeId(employeeId),
    listUsers: (filter) => accounts.listUsers(filter),
    createUser: (user) => accounts.createUser(user),
    createTrainees: (rows) => accounts.createTrainees(rows),
    createStaff: (row) => accounts.createStaff(row),
    setPassword: (userId, hash) => accounts.setPassword(userId, hash),
    setDisabled: (userId, disabled) => accounts.setDisabled(userId, disabled),
    disableStaff: (userId) => accounts.disableStaff(userId),
    replaceSetupToken: (tokenHash, at) => accounts.replaceSetupToken(tokenHash, at),
    isSetupTokenValid: (tokenHash) => accounts.isSetupTokenValid(tokenHash),
    createFirstLead: (tokenHash, user) => accounts.createFirstLead(tokenHash, user),
    createActivation: (activation) => accounts.createActivation(activation),
    findActivation: (tokenHash, at) => accounts.findActivation(tokenHash, at),
    consumeActivation: (tokenHash, hash, at) => accounts.consumeActivation(tokenHash, hash, at),
    latestActivationOf: (userId) => accounts.latestActivationOf(userId),

    createSession: (session) => sessions.createSession(session),
    getSession: (id) => sessions.getSession(id),
    getSessionWithUser: (id) => sessions.getSessionWithUser(id),
    touchSession: (id, at) => sessions.touchSession(id, at),
    deleteSession: (id) => sessions.deleteSession(id),
    deleteSessionsOf: (userId) => sessions.deleteSessionsOf(userId),
    pruneSessions: (bounds) => sessions.pruneSessions(bounds),
    holdSession: (id, hold) => sessions.holdSession(id, hold),

    getLoginFailures: (key) => throttle.getLoginFailures(key),
    reserveLoginAttempt: (keys, at) => throttle.reserveLoginAttempt(keys, at),
    settleLoginAttempt: (reservation, outcome) => throttle.settleLoginAttempt(reservation, outcome),
    isKnownSignIn: (key, at) => throttle.isKnownSignIn(key, at),

    createAttempt: (attempt) => attempts.createAttempt(attempt),
    getAttempt: (id) => attempts.getAttempt(id),
    listAttempts: (filter) => attempts.listAttempts(filter),
    listUnreadableAttempts: (filter) => attempts.listUnreadableAttempts(filter),
    pageAttempts: (filter, page) => attempts.pageAttempts(filter, page),
    scanAttempts: (filter, page) => attempts.scanAttempts(filter, page),
    saveAnswer: (attemptId, answer) => attempts.saveAnswer(attemptId, answer),
    fenceAttempt: (attemptId, at) => attempts.fenceAttempt(attemptId, at),
    submitAttempt: (attemptId, result, at) => attempts.submitAttempt(attemptId, result, at),
    expireAttempt: (attemptId, at, result) => attempts.expireAttempt(attemptId, at, result),
    itemAggregates: (filter) => attempts.itemAggregates(filter),
    itemCutCorrect: (filter, cuts) => attempts.itemCutCorrect(filter, cuts),

    issueCertificate: (certificate) => certificates.issueCertificate(certificate),
    getCertificate: (id) => certificates.getCertificate(id),
    listCertificates: (filter) => certificates.listCertificates(filter),
    revokeCertificate: (id, reason, at) => certificates.revokeCertificate(id, reason, at),

    getPractice: (userId) => practice.getPractice(userId),
    mergePractice: (userId, records) => practice.mergePractice(userId, records),
    practiceActivity: (filter) => practice.practiceActivity(filter),
    createAssignment: (assignment) => assignments.createAssignment(assignment),
    getAssignment: (id) => assignments.getAssignment(id),
    listAssignments: (filter) => assignments.listAssignments(filter),
    updateAssignment: (id, changes, baseRevision, at) => assignments.updateAssignment(id, changes, baseRevision, at),
    deleteAssignment: (id, baseRevision) => assignments.deleteAssignment(id, baseRevision),

    importUsers: (users) => accounts.importUsers(users),
    importAttempt: (attempt) => attempts.importAttempt(attempt),

    async close() {
      await sessions.writeTouches();
      lifecycle.close();
      await Promise.all([
        accountsDoc.settled(),
        sessionsDoc.settled(),
        throttleDoc.settled(),
        certificatesDoc.settled(),
        practiceDoc.settled(),
        assignmentsDoc.settled(),
        attemptFiles.settled(),
      ]);
    },
  };
}
