import type { UserView } from '../records.ts';

/** Which trainees a dashboard view covers: everyone, those without a cohort, or one named cohort. */
export type CohortScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'named'; readonly name: string };

/**
 * The `?cohort=` value meaning "trainees without a cohort". Cohort names are trimmed and may not contain control
 * characters (CohortSchema), so a tab can never be a real cohort's name, unlike any printable token would.
 */
export const NO_COHORT_PARAM = '\t';

export const ALL_COHORTS_LABEL = '全部班组';
export const NO_COHORT_LABEL = '未分组';

/** Reads `?cohort=`: absent or empty is every cohort, NO_COHORT_PARAM is no cohort, anything else names one. */
export function parseCohortScope(param: string | null): CohortScope {
  if (param === NO_COHORT_PARAM) return { kind: 'none' };
  const name = param?.trim() ?? '';
  return name === '' ? { kind: 'all' } : { kind: 'named', name };
}

/** The `?cohort=` value that selects `scope` (empty for all cohorts). */
export function cohortScopeParam(scope: CohortScope): string {
  return scope.kind === 'all' ? '' : scope.kind === 'none' ? NO_COHORT_PARAM : scope.name;
}

export function cohortScopeLabel(scope: CohortScope): string {
  return scope.kind === 'all' ? ALL_COHORTS_LABEL : scope.kind === 'none' ? NO_COHORT_LABEL : scope.name;
}

export function isInScope(user: Pick<UserView, 'cohort'>, scope: CohortScope): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return user.cohort === null;
  return user.cohort === scope.name;
}

/** The cohort scope a single trainee belongs to. */
export function scopeOfCohort(cohort: string | null): CohortScope {
  return cohort === null ? { kind: 'none' } : { kind: 'named', name: cohort };
}
