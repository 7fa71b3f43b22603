import { describe, expect, it } from 'vitest';
import type { BlueprintUnit } from '../../quiz/index.ts';
import { examFill, examIssues, fillText, withField } from './exam-editor-model.ts';

const units: BlueprintUnit[] = [
  { kind: 'item', topics: ['seven-day'], exam: true },
  { kind: 'item', topics: ['seven-day'], exam: true },
  { kind: 'item', topics: ['quality'], exam: true },
  { kind: 'item', topics: ['quality'], exam: false },
  { kind: 'template', topics: ['seven-day'], exam: true },
];
const exam = {
  id: 'e',
  title: '测试考试',
  blueprint: [{ topics: ['seven-day'], count: 2 }, { count: 2 }],
  timeLimitMinutes: 30,
  passMark: 0.8,
  attemptsAllowed: 3,
  reviewPolicy: 'mistakes',
  certificateValidityDays: 365,
};

describe('exam editor model', () => {
  it('checks the fill live: an earlier section may take what a later one needs', () => {
    const check = examFill(exam, units)!;
    expect(check.sections.map((s) => [s.matching, s.takenEarlier, s.passed])).toEqual([
      [3, 0, true],
      [4, 2, true],
    ]);
    const short = examFill({ ...exam, blueprint: [{ topics: ['seven-day'], count: 2 }, { count: 3 }] }, units)!;
    expect(short.passed).toBe(false);
    expect(fillText(short.sections[1]!)).toBe('需要 3 道：符合条件 4 道，前面各部分最多可能占用 2 道，不够：还差 1 道');
    expect(examFill({ ...exam, blueprint: [{ count: 0 }] }, units)).toBeNull();
  });

  it('reports schema problems by field with the authors\' messages', () => {
    expect(examIssues(exam)).toEqual([]);
    expect(examIssues({ ...exam, passMark: 80 })).toEqual([
      { path: 'passMark', message: '及格线写成 0 到 1 之间的小数，例如 0.8 表示答对 80%（不要写 80）。' },
    ]);
  });

  it('keeps an untouched default out of the file and sets anything else', () => {
    expect(withField(exam, 'graceSeconds', 30, 30)).not.toHaveProperty('graceSeconds');
    expect(withField({ ...exam, graceSeconds: 30 }, 'graceSeconds', 30, 30)).toHaveProperty('graceSeconds', 30);
    expect(withField(exam, 'graceSeconds', 45, 30)).toHaveProperty('graceSeconds', 45);
    expect(withField({ ...exam, availability: {} }, 'availability', undefined)).not.toHaveProperty('availability');
  });
});
