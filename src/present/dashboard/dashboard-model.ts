import { compareCohorts } from '../cohort-order.ts';
import type { UserView } from '../records.ts';
import type { AreaInfo } from './area-accuracy.ts';
import type { DashboardAttempt } from './attempt-counts.ts';
import { type CohortScope, cohortScopeLabel, isInScope, NO_COHORT_LABEL } from './cohort-scope.ts';
import { type CohortSummary, cohortSummary } from './cohort-summary.ts';
import { type FollowUp, followUps } from './follow-up.ts';
import { type Heatmap, heatmap, HEATMAP_TRAINEE_LIMIT } from './heatmap-model.ts';
import { type CertificateWithStatus, type TraineeProgress, traineeProgress } from './trainee-progress.ts';

export interface DashboardInput {
  /** Every trainee account; the scope picks among them. */
  readonly trainees: readonly UserView[];
  /** Every attempt at the exam shown. */
  readonly attempts: readonly DashboardAttempt[];
  /** Every certificate of the exam shown, with its status from src/server/certificates. */
  readonly certificates: readonly CertificateWithStatus[];
  readonly attemptsAllowed: number;
  /** The rule-area catalogue, for column order and titles. */
  readonly areas: readonly AreaInfo[];
  readonly scope: CohortScope;
  readonly now: number;
  /** Show every trainee in the heatmap instead of the HEATMAP_TRAINEE_LIMIT weakest. */
  readonly showAllTrainees: boolean;
  readonly links: {
    readonly trainee: (userId: string) => string;
    readonly cohort: (scope: CohortScope) => string;
  };
}

export interface CohortOption {
  readonly scope: CohortScope;
  readonly label: string;
  readonly trainees: number;
}

export interface Dashboard {
  readonly scope: CohortScope;
  readonly scopeLabel: string;
  /** False when the scope names a cohort no trainee is in. */
  readonly scopeExists: boolean;
  /** 全部班组, the named cohorts in reading order, then 未分组 when someone has no cohort. */
  readonly cohorts: readonly CohortOption[];
  readonly summary: CohortSummary;
  /** Trainees in scope × rule area, weakest first. */
  readonly traineeHeatmap: Heatmap;
  /** Every cohort × rule area, then 全部班组, for comparison whatever the scope. */
  readonly cohortHeatmap: Heatmap;
  readonly followUps: readonly FollowUp[];
}

/** Everything the per-cohort dashboard shows for one exam, computed from stored records without I/O. */
export function buildDashboard(input: DashboardInput): Dashboard {
  // Grouped once by user, so that 500 trainees with thousands of attempts stay linear.
  const attemptsOf = groupBy(input.attempts, (a) => a.userId);
  const certificatesOf = groupBy(input.certificates, (c) => c.certificate.userId);
  const progresses = input.trainees.map((user) =>
    traineeProgress(user, attemptsOf.get(user.id) ?? [], certificatesOf.get(user.id) ?? []),
  );
  const inScope = progresses.filter((p) => isInScope(p.user, input.scope));
  const named = [...new Set(input.trainees.flatMap((t) => (t.cohort === null ? [] : [t.cohort])))].sort(compareCohorts);
  const hasNoCohort = input.trainees.some((t) => t.cohort === null);
  const cohortScopes: CohortScope[] = [
    ...named.map((name): CohortScope => ({ kind: 'named', name })),
    ...(hasNoCohort ? [{ kind: 'none' } as const] : []),
  ];
  const membersOf = (scope: CohortScope) => progresses.filter((p) => isInScope(p.user, scope));
  const cohorts: CohortOption[] = [{ kind: 'all' } as const, ...cohortScopes].map((scope) => ({
    scope,
    label: cohortScopeLabel(scope),
    trainees: membersOf(scope).length,
  }));

  return {
    scope: input.scope,
    scopeLabel: cohortScopeLabel(input.scope),
    scopeExists: input.scope.kind === 'all' || inScope.length > 0,
    cohorts,
    summary: cohortSummary(inScope),
    traineeHeatmap: heatmap(inScope.map((p) => traineeSource(p, input.links.trainee)), input.areas, {
      weakestFirst: true,
      limit: input.showAllTrainees ? null : HEATMAP_TRAINEE_LIMIT,
    }),
    cohortHeatmap: heatmap(
      [...cohortScopes, { kind: 'all' } as const].map((scope) => {
        const members = membersOf(scope);
        return {
          key: cohortScopeLabel(scope),
          label: cohortScopeLabel(scope),
          detail: `${members.length} 人`,
          href: input.links.cohort(scope),
          areas: cohortSummary(members).areas,
        };
      }),
      input.areas,
      { weakestFirst: false, limit: null },
    ),
    // A disabled account has left the programme: nothing to follow up.
    followUps: followUps(
      inScope.filter((p) => !p.user.disabled),
      input.now,
      input.attemptsAllowed,
    ),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function traineeSource(progress: TraineeProgress, link: (userId: string) => string) {
  const { user } = progress;
  return {
    key: user.id,
    label: user.name,
    detail: `${user.employeeId} · ${user.cohort ?? NO_COHORT_LABEL}`,
    href: link(user.id),
    areas: progress.areas,
  };
}
