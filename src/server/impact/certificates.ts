import { existsSync } from 'node:fs';
import { certificatesToRecertify, type ImpactReport } from '../../authoring/index.ts';
import { type Certificate, openCertificateReader, storeConfig, type User } from '../store/index.ts';
import { serverConfig } from '../config.ts';
import type { ResolvedPolicy } from './policy-source.ts';

/** A standing certificate that the change puts in doubt. */
export interface CertificateToRecertify {
  readonly id: string;
  /** `姓名（工号）`, or a note when the account is gone. */
  readonly holder: string;
  readonly cohort: string | null;
  readonly examId: string;
  readonly issuedAt: number;
  readonly edition: string;
  /** Covered rules the change touches. */
  readonly rules: readonly string[];
}

/** What tells certificates of one side from the other: its edition, or its git commit. */
export type PolicyStamp = Pick<ResolvedPolicy, 'edition' | 'revision'>;

/** How many standing certificates were earned under one edition. */
export interface EditionCount {
  readonly edition: string;
  readonly count: number;
}

/** Standing certificates: those earned under the old side, what the change puts in doubt, and all of them per edition. */
export interface RecertificationCount {
  /** Standing certificates issued under the old side (`issuedUnderOld`); the others are not counted here. */
  readonly standing: number;
  readonly needs: CertificateToRecertify[];
  /** Every standing certificate counted under its own edition, editions in code-point order. */
  readonly standingByEdition: readonly EditionCount[];
}

export type CertificateSection =
  | { readonly status: 'no-data'; readonly dataDir: string }
  | ({ readonly status: 'read'; readonly dataDir: string } & RecertificationCount);

/**
 * Whether a certificate was earned under the old side: the old edition when the old side is an edition; before the
 * new revision's commit when the new side is a git revision; otherwise under any edition but the new one.
 */
export function issuedUnderOld(certificate: Certificate, from: PolicyStamp, to: PolicyStamp): boolean {
  if (from.edition) return certificate.edition === from.edition;
  if (to.revision) return certificate.issuedAt < to.revision.committedAt;
  return certificate.edition !== to.edition;
}

/**
 * Standing (neither revoked nor expired at `now`) certificates issued under the old policy whose covered rules include
 * one of the report's `recertificationRules`, with their holders; `standing` counts only the old side's certificates,
 * so a certificate of the new edition is never reported as earned under the old one.
 */
export function certificatesToRecertifyNow(
  certificates: readonly Certificate[],
  users: readonly User[],
  report: ImpactReport,
  from: PolicyStamp,
  to: PolicyStamp,
  now: number,
): RecertificationCount {
  const byId = new Map(users.map((user) => [user.id, user]));
  const standing = certificates.filter((certificate) => certificate.revokedAt === null && now < certificate.expiresAt);
  const underOld = standing.filter((certificate) => issuedUnderOld(certificate, from, to));
  const perEdition = new Map<string, number>();
  for (const certificate of standing) perEdition.set(certificate.edition, (perEdition.get(certificate.edition) ?? 0) + 1);
  const standingByEdition = [...perEdition]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([edition, count]) => ({ edition, count }));
  const needs = certificatesToRecertify(underOld, report.recertificationRules).map(({ certificate, rules }) => {
    const user = byId.get(certificate.userId);
    return {
      id: certificate.id,
      holder: user ? `${user.name}（${user.employeeId}）` : '（已删除的学员）',
      cohort: user?.cohort ?? null,
      examId: certificate.examId,
      issuedAt: certificate.issuedAt,
      edition: certificate.edition,
      rules,
    };
  });
  return { standing: underOld.length, needs, standingByEdition };
}

/**
 * Reads the store (a lowdb data folder read-only, or PostgreSQL with DATABASE_URL) and lists the certificates to recertify (`certificatesToRecertifyNow`). A missing
 * folder is not an error: the report says so and skips certificates.
 * @throws StoreCorruptError when certificates.json or accounts.json cannot be trusted.
 */
export async function certificatesSection(dataDir: string, report: ImpactReport, from: ResolvedPolicy, to: ResolvedPolicy, now: number): Promise<CertificateSection> {
  // Through the store contract: lowdb's files read-only, or PostgreSQL when DATABASE_URL is set.
  const config = storeConfig(serverConfig().databaseUrl ?? undefined, dataDir);
  if (config.kind === 'lowdb' && !existsSync(dataDir)) return { status: 'no-data', dataDir };
  const reader = await openCertificateReader(config);
  const [certificates, users] = await Promise.all([reader.listCertificates(), reader.listUsers()]).finally(() => reader.close());
  return { status: 'read', dataDir, ...certificatesToRecertifyNow(certificates, users, report, from, to, now) };
}
