import { newId, randomToken, sha256Hex } from '../auth/index.ts';
import type { NewTrainee, Store, User } from '../store/index.ts';
import { type CsvEncoding, decodeCsv } from './csv.ts';
import { planImport, type RowError, type TraineeRow } from './trainee-rows.ts';

/** An activation link works for 7 days, then the lead makes a new one. */
export const ACTIVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A trainee as the lead's screens show it; never includes the password hash. */
export interface TraineeView {
  readonly id: string;
  readonly name: string;
  readonly employeeId: string;
  readonly cohort: string | null;
  readonly status: 'pending' | 'active' | 'disabled';
  readonly createdAt: number;
  readonly activatedAt: number | null;
}

/** A freshly made one-time link: shown to the lead once, stored only as a hash. */
export interface IssuedLink {
  readonly url: string;
  readonly expiresAt: number;
}

export function traineeView(user: User): TraineeView {
  return {
    id: user.id,
    name: user.name,
    employeeId: user.employeeId,
    cohort: user.cohort,
    status: user.disabled ? 'disabled' : user.passwordHash ? 'active' : 'pending',
    createdAt: user.createdAt,
    activatedAt: user.activatedAt,
  };
}

export function activationUrl(origin: string, token: string): string {
  return `${origin}/activate?token=${token}`;
}

function newTrainee(
  row: Omit<TraineeRow, 'line'>,
  now: number,
): { readonly trainee: NewTrainee; readonly token: string } {
  const token = randomToken(32);
  const id = newId();
  return {
    token,
    trainee: {
      user: {
        id,
        role: 'trainee',
        name: row.name,
        employeeId: row.employeeId,
        cohort: row.cohort,
        passwordHash: null,
        createdAt: now,
      },
      activation: { tokenHash: sha256Hex(token), userId: id, expiresAt: now + ACTIVATION_TTL_MS, usedAt: null },
    },
  };
}

/** Adds one trainee with a new activation link; refuses a taken employee id. */
export async function addTrainee(
  store: Store,
  input: Omit<TraineeRow, 'line'>,
  context: { readonly now: number; readonly origin: string },
): Promise<
  | { readonly ok: true; readonly trainee: TraineeView; readonly link: IssuedLink }
  | { readonly ok: false; readonly code: 'EMPLOYEE_ID_TAKEN' }
> {
  const made = newTrainee(input, context.now);
  const { created } = await store.createTrainees([made.trainee]);
  const user = created[0];
  if (!user) return { ok: false, code: 'EMPLOYEE_ID_TAKEN' };
  return {
    ok: true,
    trainee: traineeView(user),
    link: { url: activationUrl(context.origin, made.token), expiresAt: made.trainee.activation.expiresAt },
  };
}

export interface ImportedTrainee {
  readonly line: number;
  readonly trainee: TraineeView;
  readonly link: IssuedLink;
}

/**
 * Imports trainees from a CSV file's bytes (decoded by `decodeCsv`: UTF-8 or GB18030) or from text already decoded:
 * every valid row whose employee id is free becomes an account with its own link, in one write; each other row is
 * reported with its line and reason and creates nothing. `encoding` says how the file was read (text counts as UTF-8).
 */
export async function importTrainees(
  store: Store,
  csv: string | Uint8Array,
  context: { readonly now: number; readonly origin: string },
): Promise<
  | { readonly ok: true; readonly encoding: CsvEncoding; readonly imported: ImportedTrainee[]; readonly errors: RowError[] }
  | Extract<ReturnType<typeof planImport>, { ok: false }>
  | { readonly ok: false; readonly code: 'CSV_UNKNOWN_ENCODING' }
> {
  const decoded = typeof csv === 'string' ? ({ ok: true, text: csv, encoding: 'UTF-8' } as const) : decodeCsv(csv);
  if (!decoded.ok) return { ok: false, code: 'CSV_UNKNOWN_ENCODING' };
  const plan = planImport(decoded.text);
  if (!plan.ok) return plan;
  const made = plan.rows.map((row) => ({ row, ...newTrainee(row, context.now) }));
  const { taken } = await store.createTrainees(made.map((m) => m.trainee));
  const takenIds = new Set(taken);
  const errors: RowError[] = [...plan.errors];
  const imported: ImportedTrainee[] = [];
  for (const m of made) {
    if (takenIds.has(m.row.employeeId)) {
      errors.push({
        line: m.row.line,
        employeeId: m.row.employeeId,
        code: 'EMPLOYEE_ID_TAKEN',
        message: `工号 ${m.row.employeeId} 已经有账号，本行未导入`,
      });
      continue;
    }
    imported.push({
      line: m.row.line,
      trainee: traineeView({ ...m.trainee.user, activatedAt: null, disabled: false }),
      link: { url: activationUrl(context.origin, m.token), expiresAt: m.trainee.activation.expiresAt },
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { ok: true, encoding: decoded.encoding, imported, errors };
}

/**
 * Makes a new one-time link for a trainee: an activation link while the account is pending, a password-reset link
 * once it is active (the same page sets the password either way). The previous link stops working; the current
 * password keeps working until the new link is used.
 */
export async function reissueActivation(
  store: Store,
  userId: string,
  context: { readonly now: number; readonly origin: string },
): Promise<
  { readonly ok: true; readonly link: IssuedLink } | { readonly ok: false; readonly code: 'TRAINEE_NOT_FOUND' }
> {
  const user = await store.findUser(userId);
  if (!user || user.role !== 'trainee') return { ok: false, code: 'TRAINEE_NOT_FOUND' };
  const token = randomToken(32);
  const expiresAt = context.now + ACTIVATION_TTL_MS;
  await store.createActivation({ tokenHash: sha256Hex(token), userId, expiresAt, usedAt: null });
  return { ok: true, link: { url: activationUrl(context.origin, token), expiresAt } };
}

/** Disables (ending its sessions) or re-enables a trainee account. */
export async function setTraineeDisabled(
  store: Store,
  userId: string,
  disabled: boolean,
): Promise<
  { readonly ok: true; readonly trainee: TraineeView } | { readonly ok: false; readonly code: 'TRAINEE_NOT_FOUND' }
> {
  const user = await store.findUser(userId);
  if (!user || user.role !== 'trainee') return { ok: false, code: 'TRAINEE_NOT_FOUND' };
  const updated = await store.setDisabled(userId, disabled);
  return updated ? { ok: true, trainee: traineeView(updated) } : { ok: false, code: 'TRAINEE_NOT_FOUND' };
}
