import { describe, expect, it } from 'vitest';
import { responseShapeProblem } from './response-shape.ts';

const single = { type: 'single', choices: ['甲', '乙', '丙'] } as const;
const multiple = { type: 'multiple', choices: ['甲', '乙', '丙', '丁'] } as const;
const truefalse = { type: 'truefalse', choices: ['是', '否'] } as const;
const ordering = { type: 'ordering', choices: ['核实订单', '同意退款', '备注'] } as const;

describe('responseShapeProblem', () => {
  it('accepts a cleared answer for every type', () => {
    for (const question of [single, multiple, truefalse, ordering]) expect(responseShapeProblem(question, null)).toBeNull();
  });

  it('accepts a single choice in range and refuses one out of range, negative, fractional or of another type', () => {
    expect(responseShapeProblem(single, 2)).toBeNull();
    for (const bad of [3, -1, 1.5, true, [1], '1']) expect(responseShapeProblem(single, bad)).toContain('单选题');
  });

  it('accepts distinct in-range indices (none chosen too) and refuses duplicates or indices out of range', () => {
    expect(responseShapeProblem(multiple, [0, 3])).toBeNull();
    expect(responseShapeProblem(multiple, [])).toBeNull();
    expect(responseShapeProblem(multiple, [1, 1])).toBe('多选题的答案中有重复的选项。');
    expect(responseShapeProblem(multiple, [4])).toContain('0 到 3');
    expect(responseShapeProblem(multiple, 2)).toContain('多选题');
  });

  it('accepts only a boolean for true/false', () => {
    expect(responseShapeProblem(truefalse, false)).toBeNull();
    expect(responseShapeProblem(truefalse, 0)).toContain('判断题');
  });

  it('accepts only a permutation of the displayed steps for an ordering', () => {
    expect(responseShapeProblem(ordering, ['备注', '核实订单', '同意退款'])).toBeNull();
    for (const bad of [['核实订单', '同意退款'], ['核实订单', '核实订单', '备注'], ['核实订单', '同意退款', '别的'], [0, 1, 2]]) {
      expect(responseShapeProblem(ordering, bad)).toContain('排序题');
    }
  });
});
