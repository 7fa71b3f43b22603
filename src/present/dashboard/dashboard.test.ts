import { describe, expect, it } from 'vitest';
import {
  buildDashboard,
  type CertificateWithStatus,
  cohortScopeParam,
  type DashboardAttempt,
  followUpReasons,
  followUpText,
  heatmap,
  heatStep,
  itemTallies,
  NO_COHORT_PARAM,
  parseCohortScope,
  scoreBinIndex,
  scoreDistribution,
  scoreStats,
  traineeCountText,
  traineeProgress,
} from '../index.ts';
import type { AttemptStatus, AttemptView } from '../../quiz/index.ts';
import type { CertificateStatus } from '../certificate-status.ts';
import type { CertificateView, UserView } from '../records.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1, 2, 0, 0);
const AREAS = [
  { id: 'freight', title: '运费规范' },
  { id: 'seven-day', title: '七天无理由' },
  { id: 'quality', title: '质量问题与假货' },
];

function trainee(id: string, cohort: string | null, options: { activated?: boolean; disabled?: boolean } = {}): UserView {
  return {
    id,
    role: 'trainee',
    name: `学员${id}`,
    employeeId: `E-${id}`,
    cohort,
    createdAt: NOW - 100 * DAY,
    activatedAt: options.activated === false ? null : NOW - 90 * DAY,
    disabled: options.disabled ?? false,
  };
}

/** `areas` maps a rule area to [correct, asked]; the score is the sum of the correct counts. */
function attempt(
  id: string,
  userId: string,
  day: number,
  status: AttemptStatus,
  areas: Record<string, [number, number]> | null,
  passed = false,
): AttemptView & DashboardAttempt {
  const perItem = Object.entries(areas ?? {}).flatMap(([ruleArea, [correct, total]]) =>
    Array.from({ length: total }, (_, index) => ({ itemId: `${id}-${ruleArea}-${index}`, correct: index < correct, ruleArea })),
  );
  return {
    id,
    examId: 'basic',
    userId,
    items: perItem.map((item) => ({ itemId: item.itemId })),
    startedAt: NOW - 60 * DAY + day * DAY,
    status,
    answers: {},
    submittedAt: status === 'in-progress' ? null : NOW - 60 * DAY + day * DAY + 1_000_000,
    result:
      areas === null
        ? null
        : { score: perItem.filter((item) => item.correct).length, maxScore: perItem.length, passed, perItem, certificateId: null },
    areas: areas === null || status === 'in-progress' ? [] : itemTallies(perItem),
  };
}

function certificate(id: string, userId: string, status: CertificateStatus, expiresAt: number, issuedDay = 10): CertificateWithStatus {
  const record: CertificateView = {
    id,
    userId,
    examId: 'basic',
    attemptId: `attempt-of-${id}`,
    issuedAt: NOW - 60 * DAY + issuedDay * DAY,
    expiresAt,
    edition: '2025-08-15',
    rules: [],
    revokedAt: status === 'revoked' ? NOW - DAY : null,
    revokedReason: status === 'revoked' ? '代考' : null,
  };
  return { certificate: record, status };
}

// Six trainees in 售后一组 (u1–u3), 售后二组 (u4, u6) and none (u5); exam with 10 items, pass mark 80 %.
const TRAINEES = [
  trainee('u1', '售后一组'),
  trainee('u2', '售后一组'),
  trainee('u3', '售后一组', { activated: false }),
  trainee('u4', '售后二组'),
  trainee('u5', null),
  trainee('u6', '售后二组'),
];
const ATTEMPTS = [
  attempt('a1', 'u1', 1, 'submitted', { freight: [1, 3], 'seven-day': [5, 7] }), // 6/10
  attempt('a2', 'u1', 3, 'submitted', { freight: [3, 3], 'seven-day': [6, 7] }, true), // 9/10
  attempt('a3', 'u2', 2, 'submitted', { freight: [3, 3], 'seven-day': [7, 7] }, true), // 10/10
  attempt('a4', 'u4', 2, 'expired', { freight: [0, 3], 'seven-day': [4, 7] }), // 4/10, closed by the deadline
  attempt('a5', 'u4', 4, 'in-progress', null),
  attempt('a6', 'u5', 2, 'submitted', { freight: [2, 3], 'seven-day': [5, 7] }), // 7/10
];
const CERTIFICATES = [
  certificate('c1', 'u1', 'valid', NOW + 10 * DAY, 3),
  certificate('c2', 'u2', 'needs-recertification', NOW + 300 * DAY, 2),
];

function dashboardFor(cohortParam: string | null) {
  return buildDashboard({
    trainees: TRAINEES,
    attempts: ATTEMPTS,
    certificates: CERTIFICATES,
    attemptsAllowed: 3,
    areas: AREAS,
    scope: parseCohortScope(cohortParam),
    now: NOW,
    showAllTrainees: false,
    links: { trainee: (id) => `/lead/trainees/${id}`, cohort: (scope) => `/lead/dashboard?cohort=${cohortScopeParam(scope)}` },
  });
}

describe('cohort scope in the URL', () => {
  it('reads absent or empty as every cohort, a tab as no cohort and anything else as a trimmed cohort name', () => {
    expect(parseCohortScope(null)).toEqual({ kind: 'all' });
    expect(parseCohortScope('')).toEqual({ kind: 'all' });
    expect(parseCohortScope(NO_COHORT_PARAM)).toEqual({ kind: 'none' });
    expect(parseCohortScope(' 售后一组 ')).toEqual({ kind: 'named', name: '售后一组' });
    for (const param of ['', NO_COHORT_PARAM, '售后一组']) expect(cohortScopeParam(parseCohortScope(param))).toBe(param);
  });
});

describe('score distribution', () => {
  it('puts a score in its 10 % bin with integer arithmetic, 100 % in the last bin', () => {
    expect(scoreBinIndex({ score: 16, maxScore: 20 })).toBe(8);
    expect(scoreBinIndex({ score: 15, maxScore: 20 })).toBe(7);
    expect(scoreBinIndex({ score: 20, maxScore: 20 })).toBe(9);
    expect(scoreBinIndex({ score: 0, maxScore: 20 })).toBe(0);
    // 2/21 is 9.5 %, 3/21 is 14.3 %.
    expect(scoreBinIndex({ score: 2, maxScore: 21 })).toBe(0);
    expect(scoreBinIndex({ score: 3, maxScore: 21 })).toBe(1);
  });

  it('counts scores per bin and takes mean and median in percent', () => {
    const scores = [
      { score: 5, maxScore: 10 },
      { score: 8, maxScore: 10 },
      { score: 17, maxScore: 20 },
      { score: 20, maxScore: 20 },
    ];
    expect(scoreDistribution(scores).map((bin) => bin.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 2, 1]);
    expect(scoreDistribution(scores)[8]).toEqual({ from: 80, to: 90, count: 2 });
    // 50, 80, 85, 100: mean 315 / 4, median (80 + 85) / 2.
    expect(scoreStats(scores)).toEqual({ count: 4, mean: 78.75, median: 82.5 });
    expect(scoreStats([])).toEqual({ count: 0, mean: null, median: null });
  });
});

describe('heatmap shades', () => {
  it('shades by the whole percent the cell prints, weakest darkest, and leaves empty cells unshaded', () => {
    expect(heatStep({ correct: 9, total: 10 })).toBe(0);
    // 179/200 is 89.5 %, printed as 90 %.
    expect(heatStep({ correct: 179, total: 200 })).toBe(0);
    expect(heatStep({ correct: 3, total: 4 })).toBe(1);
    expect(heatStep({ correct: 2, total: 3 })).toBe(2);
    expect(heatStep({ correct: 2, total: 5 })).toBe(3);
    expect(heatStep({ correct: 0, total: 3 })).toBe(4);
    expect(heatStep({ correct: 0, total: 0 })).toBeNull();
  });

  it('orders rows weakest first and keeps only the limit, counting the rows left out', () => {
    const sources = [
      { key: 'b', label: '乙', detail: '', href: null, areas: [{ area: 'seven-day', correct: 3, total: 4 }] },
      { key: 'a', label: '甲', detail: '', href: null, areas: [{ area: 'freight', correct: 1, total: 4 }] },
      { key: 'c', label: '丙', detail: '', href: null, areas: [{ area: 'freight', correct: 2, total: 4 }] },
      { key: 'd', label: '丁', detail: '', href: null, areas: [] },
    ];
    const map = heatmap(sources, AREAS, { weakestFirst: true, limit: 2 });
    expect(map.columns.map((c) => c.id)).toEqual(['freight', 'seven-day']);
    expect(map.rows.map((r) => r.key)).toEqual(['a', 'c']);
    expect(map.totalRows).toBe(3);
    expect(map.rows[0]!.cells).toEqual([
      { area: 'freight', correct: 1, total: 4 },
      { area: 'seven-day', correct: 0, total: 0 },
    ]);
  });
});

describe('one trainee', () => {
  it('keeps the newest certificate and judges the first attempt, an expired attempt counting as closed', () => {
    const progress = traineeProgress(TRAINEES[0]!, ATTEMPTS, [
      certificate('old', 'u1', 'revoked', NOW + 5 * DAY, 1),
      ...CERTIFICATES,
    ]);
    expect(progress.certificate?.certificate.id).toBe('c1');
    expect(progress.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(progress.firstAttemptPassed).toBe(false);
    expect(progress.hasEverPassed).toBe(true);
    expect(progress.overall).toEqual({ area: '*', correct: 15, total: 20 });
    const u4 = traineeProgress(TRAINEES[3]!, ATTEMPTS, []);
    expect(u4.firstAttemptPassed).toBe(false);
    expect(u4.latestClosed?.id).toBe('a4');
    expect(u4.hasAttemptInProgress).toBe(true);
  });

  it('lists certificates that lapse or lapsed and failures without a retake', () => {
    const u5 = traineeProgress(TRAINEES[4]!, ATTEMPTS, []);
    expect(followUpReasons(u5, NOW, 3)).toEqual([{ kind: 'failed', attemptId: 'a6', attemptsUsed: 1, attemptsAllowed: 3 }]);
    expect(followUpText(followUpReasons(u5, NOW, 1)[0]!)).toBe('未通过，1 次考试机会已用完');
    // u4 failed but is taking the exam again.
    expect(followUpReasons(traineeProgress(TRAINEES[3]!, ATTEMPTS, []), NOW, 3)).toEqual([]);

    const withCertificate = (held: CertificateWithStatus) => followUpReasons(traineeProgress(TRAINEES[1]!, ATTEMPTS, [held]), NOW, 3);
    // 29.5 days left rounds up to 30 and is inside the 30-day window; 30 days and a minute is outside it.
    expect(withCertificate(certificate('x', 'u2', 'valid', NOW + 29.5 * DAY))).toEqual([
      { kind: 'expiring', certificateId: 'x', expiresAt: NOW + 29.5 * DAY, daysLeft: 30 },
    ]);
    expect(withCertificate(certificate('x', 'u2', 'valid', NOW + 30 * DAY + 60_000))).toEqual([]);
    expect(withCertificate(certificate('x', 'u2', 'expired', NOW - DAY))).toEqual([{ kind: 'expired', certificateId: 'x', expiredAt: NOW - DAY }]);
    const revoked = withCertificate(certificate('x', 'u2', 'revoked', NOW + 100 * DAY));
    expect(revoked).toEqual([{ kind: 'revoked', certificateId: 'x', revokedAt: NOW - DAY, reason: '代考' }]);
    expect(followUpText(revoked[0]!)).toBe('证书已撤销：代考');
    // 2026-06-11 02:00 UTC is 10:00 on 11 June in Beijing.
    expect(followUpText({ kind: 'expiring', certificateId: 'x', expiresAt: NOW + 10 * DAY, daysLeft: 10 })).toBe(
      '证书将于 2026-06-11 到期（还剩 10 天）',
    );
  });
});

describe('the dashboard of all cohorts', () => {
  const dashboard = dashboardFor(null);

  it('counts trainees and attempts by status', () => {
    const { summary } = dashboard;
    expect(summary.trainees).toBe(6);
    expect(summary.activated).toBe(5);
    // u6: activated, enabled, no attempt; u3 is not activated.
    expect(summary.notStarted).toBe(1);
    expect(summary.attempts).toEqual({ total: 6, inProgress: 1, submitted: 4, expired: 1 });
  });

  it('computes the pass rates as documented', () => {
    const { summary } = dashboard;
    // First attempts closed: u1 (a1 failed), u2 (a3 passed), u4 (a4 failed), u5 (a6 failed).
    expect(summary.firstAttemptPass).toEqual({ part: 1, whole: 4 });
    // Of the same four, u1 passed on the retake.
    expect(summary.everPassed).toEqual({ part: 2, whole: 4 });
    // Only u1's certificate is valid; u2's needs recertification.
    expect(summary.certified).toEqual({ part: 1, whole: 6 });
    // Closed attempts a1, a2, a3, a4, a6; a2 and a3 passed.
    expect(summary.attemptPass).toEqual({ part: 2, whole: 5 });
  });

  it('takes scores from every scored attempt', () => {
    const { summary } = dashboard;
    // 60, 90, 100, 40, 70 → mean 360 / 5; sorted 40, 60, 70, 90, 100 → median 70.
    expect(summary.scores).toEqual({ count: 5, mean: 72, median: 70 });
    expect(summary.bins.map((bin) => bin.count)).toEqual([0, 0, 0, 0, 1, 0, 1, 1, 0, 2]);
  });

  it('tallies each rule area and lays out trainees weakest first', () => {
    // freight 1+3+3+0+2 of 15; seven-day 5+6+7+4+5 of 35.
    expect(dashboard.summary.areas).toEqual([
      { area: 'freight', correct: 9, total: 15 },
      { area: 'seven-day', correct: 27, total: 35 },
    ]);
    const map = dashboard.traineeHeatmap;
    expect(map.columns.map((c) => c.title)).toEqual(['运费规范', '七天无理由']);
    // u4 4/10, u5 7/10, u1 15/20, u2 10/10; u3 and u6 have no scored attempt.
    expect(map.rows.map((r) => r.key)).toEqual(['u4', 'u5', 'u1', 'u2']);
    expect(map.rows[0]!.href).toBe('/lead/trainees/u4');
    expect(map.totalRows).toBe(4);
  });

  it('compares cohorts in reading order, then those without one, then everyone', () => {
    const map = dashboard.cohortHeatmap;
    expect(map.rows.map((r) => r.label)).toEqual(['售后一组', '售后二组', '未分组', '全部班组']);
    // 一组 freight: a1 1/3 + a2 3/3 + a3 3/3; 二组: a4 0/3 (a5 is still open).
    expect(map.rows.map((r) => r.cells[0])).toEqual([
      { area: 'freight', correct: 7, total: 9 },
      { area: 'freight', correct: 0, total: 3 },
      { area: 'freight', correct: 2, total: 3 },
      { area: 'freight', correct: 9, total: 15 },
    ]);
    expect(dashboard.cohorts.map((c) => [c.label, c.trainees])).toEqual([
      ['全部班组', 6],
      ['售后一组', 3],
      ['售后二组', 2],
      ['未分组', 1],
    ]);
  });

  it('lists whom to follow up, most urgent first', () => {
    expect(dashboard.followUps.map((f) => [f.progress.user.id, f.reasons.map((r) => r.kind)])).toEqual([
      ['u2', ['needs-recertification']],
      ['u1', ['expiring']],
      ['u5', ['failed']],
    ]);
  });
});

describe('the dashboard of one cohort', () => {
  it('covers only that cohort', () => {
    const { summary, followUps, scopeLabel } = dashboardFor('售后一组');
    expect(scopeLabel).toBe('售后一组');
    expect(summary.trainees).toBe(3);
    expect(summary.activated).toBe(2);
    expect(summary.attempts.total).toBe(3);
    expect(summary.firstAttemptPass).toEqual({ part: 1, whole: 2 });
    expect(summary.everPassed).toEqual({ part: 2, whole: 2 });
    expect(summary.certified).toEqual({ part: 1, whole: 3 });
    // 60, 90, 100.
    expect(summary.scores.mean).toBeCloseTo(250 / 3, 10);
    expect(summary.scores.median).toBe(90);
    expect(followUps.map((f) => f.progress.user.id)).toEqual(['u2', 'u1']);
  });

  it('covers trainees without a cohort under 未分组', () => {
    const dashboard = dashboardFor(NO_COHORT_PARAM);
    expect(dashboard.scopeLabel).toBe('未分组');
    expect(dashboard.summary.trainees).toBe(1);
    expect(dashboard.followUps.map((f) => f.progress.user.id)).toEqual(['u5']);
  });

  it('says so when the named cohort has nobody', () => {
    const dashboard = dashboardFor('售后九组');
    expect(dashboard.scopeExists).toBe(false);
    expect(dashboard.summary.trainees).toBe(0);
    expect(dashboard.summary.scores.mean).toBeNull();
  });
});

describe('disabled accounts', () => {
  it('count in the scores but not in the certified share or the follow-up list', () => {
    const left = trainee('gone', '售后一组', { disabled: true });
    const dashboard = buildDashboard({
      trainees: [...TRAINEES, left],
      attempts: [...ATTEMPTS, attempt('g1', 'gone', 5, 'submitted', { freight: [1, 10] })],
      certificates: CERTIFICATES,
      attemptsAllowed: 3,
      areas: AREAS,
      scope: parseCohortScope('售后一组'),
      now: NOW,
      showAllTrainees: false,
      links: { trainee: (id) => id, cohort: () => '' },
    });
    expect(dashboard.summary.trainees).toBe(4);
    expect(dashboard.summary.disabled).toBe(1);
    // Still u1's certificate out of u1, u2, u3.
    expect(dashboard.summary.certified).toEqual({ part: 1, whole: 3 });
    // 60, 90, 100 and the disabled trainee's 10.
    expect(dashboard.summary.scores.count).toBe(4);
    expect(dashboard.followUps.map((f) => f.progress.user.id)).toEqual(['u2', 'u1']);
  });
});

describe('a large cohort', () => {
  it('keeps the heatmap to the weakest trainees and says how many there are', () => {
    const many = Array.from({ length: 500 }, (_, index) => trainee(`m${String(index).padStart(3, '0')}`, '售后大组'));
    // Trainee m000 answers 0 of 10 freight items right, m001 1 of 10, … m010 and up 10 of 10.
    const papers = many.map((user, index) =>
      attempt(`p${index}`, user.id, 1, 'submitted', { freight: [Math.min(index, 10), 10] }, index >= 8),
    );
    const dashboard = buildDashboard({
      trainees: many,
      attempts: papers,
      certificates: [],
      attemptsAllowed: 3,
      areas: AREAS,
      scope: parseCohortScope('售后大组'),
      now: NOW,
      showAllTrainees: false,
      links: { trainee: (id) => id, cohort: () => '' },
    });
    expect(dashboard.traineeHeatmap.rows).toHaveLength(30);
    expect(dashboard.traineeHeatmap.totalRows).toBe(500);
    expect(dashboard.traineeHeatmap.rows.slice(0, 3).map((row) => row.key)).toEqual(['m000', 'm001', 'm002']);
    // m000–m007 failed (0–70 %) and have not retaken.
    expect(dashboard.followUps).toHaveLength(8);
    expect(dashboard.summary.bins.map((bin) => bin.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 491]);
  });
});

describe('trainee counts', () => {
  // Two never-activated trainees, two activated ones who both took the exam, and one activated trainee who left.
  const people = [
    trainee('p1', '售后三组', { activated: false }),
    trainee('p2', '售后三组', { activated: false }),
    trainee('t1', '售后三组'),
    trainee('t2', '售后三组'),
    trainee('d1', '售后三组', { disabled: true }),
  ];
  const summaryFor = (users: UserView[], attempts: DashboardAttempt[]) =>
    buildDashboard({
      trainees: users,
      attempts,
      certificates: [],
      attemptsAllowed: 3,
      areas: AREAS,
      scope: parseCohortScope(null),
      now: NOW,
      showAllTrainees: false,
      links: { trainee: (id) => id, cohort: () => '' },
    }).summary;

  it('splits trainees into activated, awaiting activation and disabled, and counts the never-activated as not started', () => {
    const summary = summaryFor(people, [
      attempt('t1a', 't1', 1, 'submitted', { freight: [3, 3] }),
      attempt('t2a', 't2', 1, 'in-progress', null),
    ]);
    // 2 + 2 + 1 = 5: every trainee in exactly one of the three groups.
    expect([summary.trainees, summary.activated, summary.pending, summary.disabled]).toEqual([5, 2, 2, 1]);
    // Activated t1, t2 both started; p1, p2 cannot start before activating.
    expect(summary.notStarted).toBe(0);
    expect(traineeCountText(summary)).toBe('已激活 2（其中未参加考试 0），待激活 2（激活后才能考试），已停用 1');
  });

  it('counts an activated trainee without an attempt as not started', () => {
    const summary = summaryFor(people.slice(0, 4), [attempt('t1a', 't1', 1, 'submitted', { freight: [3, 3] })]);
    expect([summary.activated, summary.pending, summary.disabled, summary.notStarted]).toEqual([2, 2, 0, 1]);
    expect(traineeCountText(summary)).toBe('已激活 2（其中未参加考试 1），待激活 2（激活后才能考试）');
  });
});
