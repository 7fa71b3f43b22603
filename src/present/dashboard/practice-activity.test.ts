import { describe, expect, it } from 'vitest';
import { practiceTable } from './practice-activity.ts';

const trainee = (id: string, cohort: string | null) => ({ id, name: `学员${id}`, employeeId: `E-${id}`, cohort });
const trainees = [trainee('a', '一组'), trainee('b', '一组'), trainee('c', '二组'), trainee('d', '一组')];
const areas = [
  { id: 'shipping', title: '发货规范' },
  { id: 'seven-day', title: '七天无理由' },
  { id: 'quality', title: '质量问题与假货' },
];
const activity = [
  { userId: 'a', area: 'seven-day', items: 3, answers: 4, correct: 3, lastAt: 100 },
  { userId: 'b', area: 'shipping', items: 1, answers: 2, correct: 0, lastAt: 300 },
  { userId: 'b', area: 'seven-day', items: 2, answers: 2, correct: 2, lastAt: 200 },
  { userId: 'c', area: 'quality', items: 5, answers: 5, correct: 5, lastAt: 900 },
];

describe('practice activity on the dashboard', () => {
  it('shows every trainee in scope by rule area, most recent practice first, the idle ones last', () => {
    const table = practiceTable(trainees, activity, areas, { kind: 'named', name: '一组' });
    expect(table.columns.map((column) => column.title)).toEqual(['发货规范', '七天无理由']);
    expect(table.rows.map((row) => row.trainee.id)).toEqual(['b', 'a', 'd']);
    expect(table.rows[0]).toMatchObject({ cells: [{ items: 1, answers: 2, accuracy: 0 }, { items: 2, answers: 2, accuracy: 100 }], items: 3, answers: 4, accuracy: 50, lastAt: 300 });
    expect(table.rows[1]!.cells).toEqual([null, { items: 3, answers: 4, accuracy: 75 }]);
    expect(table.rows[2]).toMatchObject({ cells: [null, null], items: 0, accuracy: null, lastAt: null });
    expect(table.idle).toBe(1);
  });

  it('lists an area the handbook no longer has under its id, last', () => {
    const table = practiceTable(trainees, [...activity, { userId: 'c', area: 'retired-area', items: 1, answers: 1, correct: 1, lastAt: 5 }], areas, { kind: 'all' });
    expect(table.columns.map((column) => column.id)).toEqual(['shipping', 'seven-day', 'quality', 'retired-area']);
  });
});
