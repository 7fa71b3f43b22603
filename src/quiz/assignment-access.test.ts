import { describe, expect, it } from 'vitest';
import { assignmentAccess, isWindowOpen } from './assignment-access.ts';

const H = 3_600_000;
const window = (id: string, cohorts: string[], opensAt: number, closesAt: number | null) => ({ id, cohorts, opensAt, closesAt });

describe('assignmentAccess', () => {
  it('never limits an exam for everyone, assigned or not', () => {
    expect(assignmentAccess('everyone', null, [], 0)).toEqual({ allowed: true, via: 'everyone' });
    expect(assignmentAccess('everyone', '一组', [window('a', ['一组'], 10 * H, 20 * H)], 0)).toEqual({ allowed: true, via: 'everyone' });
  });

  it('refuses a trainee whose cohort no assignment names, and one without a cohort', () => {
    const assignments = [window('a', ['一组'], 0, null)];
    expect(assignmentAccess('assigned', '二组', assignments, H)).toEqual({ allowed: false, code: 'EXAM_NOT_ASSIGNED' });
    expect(assignmentAccess('assigned', null, assignments, H)).toEqual({ allowed: false, code: 'EXAM_NOT_ASSIGNED' });
  });

  it('opens at opensAt exactly and closes at closesAt exactly (server clock)', () => {
    const assignments = [window('a', ['一组', '二组'], 10 * H, 20 * H)];
    expect(assignmentAccess('assigned', '二组', assignments, 10 * H - 1)).toEqual({ allowed: false, code: 'ASSIGNMENT_NOT_YET_OPEN', at: 10 * H });
    expect(assignmentAccess('assigned', '二组', assignments, 10 * H)).toEqual({ allowed: true, via: 'assignment', assignmentId: 'a' });
    expect(assignmentAccess('assigned', '二组', assignments, 20 * H - 1)).toMatchObject({ allowed: true });
    expect(assignmentAccess('assigned', '二组', assignments, 20 * H)).toEqual({ allowed: false, code: 'ASSIGNMENT_CLOSED', at: 20 * H });
  });

  it('lets any open assignment of the cohort through, and names the nearest opening otherwise', () => {
    const assignments = [window('old', ['一组'], 0, H), window('next', ['一组'], 5 * H, null), window('later', ['一组'], 9 * H, null)];
    expect(assignmentAccess('assigned', '一组', assignments, 2 * H)).toEqual({ allowed: false, code: 'ASSIGNMENT_NOT_YET_OPEN', at: 5 * H });
    expect(assignmentAccess('assigned', '一组', assignments, 6 * H)).toEqual({ allowed: true, via: 'assignment', assignmentId: 'next' });
  });

  it('treats a window without an end as open for ever', () => {
    expect(isWindowOpen({ opensAt: 0, closesAt: null }, Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});
