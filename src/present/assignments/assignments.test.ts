import { describe, expect, it } from 'vitest';
import type { UserView } from '../records.ts';
import { assigneeStatus, type AttemptStanding, type CertificateStanding, lateText } from './assignee-status.ts';
import { assignmentBoard } from './assignment-board.ts';

const H = 3_600_000;
const D = 24 * H;
const assignment = { id: 'a1', examId: 'exam', cohorts: ['一组'], opensAt: 0, closesAt: null, dueAt: 10 * D, note: '', revision: 1 };

const attempt = (userId: string, startedAt: number, status: AttemptStanding['status'] = 'submitted', examId = 'exam'): AttemptStanding => ({
  id: `${userId}-${startedAt}`,
  userId,
  examId,
  startedAt,
  status,
});
const cert = (userId: string, issuedAt: number, status: CertificateStanding['status'], examId = 'exam'): CertificateStanding => ({
  certificate: { id: `c-${userId}-${issuedAt}`, userId, examId, issuedAt, expiresAt: issuedAt + 365 * D },
  status,
});
const user = (id: string, cohort: string | null, extra: Partial<UserView> = {}): UserView => ({
  id,
  role: 'trainee',
  name: `学员${id}`,
  employeeId: id.toUpperCase(),
  cohort,
  createdAt: 0,
  activatedAt: 0,
  disabled: false,
  ...extra,
});

describe('assigneeStatus', () => {
  it('is not started without attempts before the due date, and overdue from the due instant on', () => {
    expect(assigneeStatus('u', assignment, [], [], 10 * D - 1).status).toBe('not-started');
    expect(assigneeStatus('u', assignment, [], [], 10 * D)).toMatchObject({ status: 'overdue', lateMs: 0 });
    expect(assigneeStatus('u', assignment, [], [], 12 * D + 5 * H)).toMatchObject({ status: 'overdue', lateMs: 2 * D + 5 * H });
  });

  it('is in progress with an open attempt or after a failed one, and names the attempt to continue', () => {
    expect(assigneeStatus('u', assignment, [attempt('u', D, 'in-progress')], [], 2 * D)).toMatchObject({ status: 'in-progress', openAttemptId: `u-${D}` });
    expect(assigneeStatus('u', assignment, [attempt('u', D, 'submitted')], [], 2 * D)).toMatchObject({ status: 'in-progress', openAttemptId: null, attemptsThisRound: 1 });
    // Another exam's attempt or another trainee's does not count.
    expect(assigneeStatus('u', assignment, [attempt('u', D, 'submitted', 'other'), attempt('v', D)], [], 2 * D).status).toBe('not-started');
  });

  it('is passed with a valid certificate, even one earned before the assignment, and whatever the due date', () => {
    expect(assigneeStatus('u', assignment, [attempt('u', -5 * D)], [cert('u', -5 * D, 'valid')], 20 * D)).toMatchObject({ status: 'passed', passedAt: -5 * D });
  });

  it('puts the holder of an expired or outdated certificate back on the assignment, counting only attempts after it', () => {
    const attempts = [attempt('u', D), attempt('u', 3 * D, 'in-progress')];
    expect(assigneeStatus('u', assignment, attempts, [cert('u', 2 * D, 'expired')], 4 * D)).toMatchObject({
      status: 'needs-recertification',
      attemptsThisRound: 1,
      openAttemptId: `u-${3 * D}`,
    });
    expect(assigneeStatus('u', assignment, [], [cert('u', D, 'needs-recertification')], 20 * D).status).toBe('needs-recertification');
    // A newer valid certificate wins over an old lapsed one.
    expect(assigneeStatus('u', assignment, [], [cert('u', D, 'expired'), cert('u', 5 * D, 'valid')], 6 * D).status).toBe('passed');
  });

  it('treats a revoked certificate as none', () => {
    expect(assigneeStatus('u', assignment, [attempt('u', D)], [cert('u', 2 * D, 'revoked')], 11 * D).status).toBe('overdue');
  });
});

describe('lateText', () => {
  it('words the lateness in days and hours', () => {
    expect(lateText(0)).toBe('不到 1 小时');
    expect(lateText(5 * H + 59 * 60_000)).toBe('5 小时');
    expect(lateText(2 * D)).toBe('2 天');
    expect(lateText(3 * D + 4 * H)).toBe('3 天 4 小时');
  });
});

describe('assignmentBoard', () => {
  const trainees = [
    user('a', '一组'),
    user('b', '一组'),
    user('c', '一组'),
    user('d', '一组', { disabled: true }),
    user('e', '二组'),
    user('f', null),
    user('g', '一组'),
  ];
  const attempts = [attempt('a', D), attempt('b', 2 * D, 'in-progress'), attempt('g', 11 * D)];
  const certificates = [cert('a', D + H, 'valid'), cert('g', 11 * D + H, 'valid'), cert('c', -400 * D, 'expired')];

  it('counts the enabled trainees of the assigned cohorts by status, with passes by the due date', () => {
    const board = assignmentBoard({ assignments: [assignment], trainees, attempts, certificates, examTitle: () => '基础认证', now: 12 * D });
    const [progress] = board.assignments;
    expect(progress!.rows.map((row) => [row.user.id, row.status])).toEqual([
      ['a', 'passed'],
      ['b', 'overdue'],
      ['c', 'needs-recertification'],
      ['g', 'passed'],
    ]);
    expect(progress!.counts).toEqual({ 'not-started': 0, 'in-progress': 0, passed: 2, overdue: 1, 'needs-recertification': 1 });
    expect(progress!.onTime).toBe(1);
    expect(progress!.isPastDue).toBe(true);
    expect(board.overdue.map((row) => [row.user.id, row.status, row.lateMs, row.openAttemptId])).toEqual([
      ['b', 'overdue', 2 * D, `b-${2 * D}`],
      ['c', 'needs-recertification', 2 * D, null],
    ]);
  });

  it('lists the most late first, lapsed certificates not yet due last, and follows the cohort filter', () => {
    const later = { ...assignment, id: 'a2', cohorts: ['二组'], dueAt: 11 * D };
    const board = assignmentBoard({
      assignments: [assignment, later],
      trainees,
      attempts: [],
      certificates: [cert('a', -400 * D, 'expired')],
      examTitle: () => '基础认证',
      now: 10 * D + H,
    });
    expect(board.overdue.map((row) => [row.user.id, row.lateMs])).toEqual([
      ['a', H],
      ['b', H],
      ['c', H],
      ['g', H],
    ]);
    const early = assignmentBoard({ assignments: [later], trainees, attempts: [], certificates: [cert('e', 0, 'expired')], examTitle: () => 'x', now: D });
    expect(early.overdue.map((row) => [row.user.id, row.status, row.lateMs])).toEqual([['e', 'needs-recertification', null]]);
    const scoped = assignmentBoard({ assignments: [assignment, later], trainees, attempts: [], certificates: [], examTitle: () => 'x', now: 0, includes: (t) => t.cohort === '二组' });
    expect(scoped.assignments.map((p) => p.rows.length)).toEqual([0, 1]);
  });
});
