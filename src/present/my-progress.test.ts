import { describe, expect, it } from 'vitest';
import type { AttemptStatus, AttemptView } from '../quiz/index.ts';
import { myProgress } from './my-progress.ts';

const DAY = 24 * 60 * 60 * 1000;
const AREAS = [
  { id: 'freight', title: '运费规范' },
  { id: 'seven-day', title: '七天无理由' },
];

function attempt(id: string, day: number, status: AttemptStatus, areas: Record<string, [number, number]>, passed = false): AttemptView {
  const perItem = Object.entries(areas).flatMap(([ruleArea, [correct, total]]) =>
    Array.from({ length: total }, (_, index) => ({ itemId: `${id}-${ruleArea}-${index}`, correct: index < correct, ruleArea })),
  );
  return {
    id,
    examId: 'basic',
    userId: 'u1',
    items: perItem.map((item) => ({ itemId: item.itemId })),
    startedAt: day * DAY,
    status,
    answers: {},
    submittedAt: status === 'in-progress' ? null : day * DAY + 1000,
    result: status === 'in-progress' ? null : { score: perItem.filter((i) => i.correct).length, maxScore: perItem.length, passed, perItem, certificateId: null },
  };
}

describe('myProgress', () => {
  const attempts = [
    attempt('third', 30, 'submitted', { freight: [5, 5], 'seven-day': [4, 5] }, true),
    attempt('first', 10, 'submitted', { freight: [2, 5], 'seven-day': [1, 5] }),
    attempt('open', 40, 'in-progress', {}),
    attempt('second', 20, 'expired', { freight: [3, 5] }),
  ];
  const progress = myProgress(attempts, AREAS, [{ attemptId: 'third' }]);

  it('charts graded attempts oldest first with their score, pass and certificate', () => {
    expect(progress.points.map((p) => [p.attemptId, p.percent, p.passed, p.certified])).toEqual([
      ['first', 30, false, false],
      ['second', 60, false, false],
      ['third', 90, true, true],
    ]);
    expect(progress.certificates).toBe(1);
  });

  it('follows each rule area attempt by attempt, with first and latest accuracy', () => {
    const [freight, sevenDay] = progress.areas;
    expect(freight).toMatchObject({ first: 40, latest: 100, overall: { correct: 10, total: 15 } });
    expect(sevenDay!.byAttempt.map((t) => (t ? `${t.correct}/${t.total}` : null))).toEqual(['1/5', null, '4/5']);
    expect(sevenDay).toMatchObject({ first: 20, latest: 80 });
  });

  it('is empty before any graded attempt', () => {
    expect(myProgress([attempt('open', 1, 'in-progress', {})], AREAS, [])).toEqual({ points: [], areas: [], certificates: 0 });
  });
});
