import { describe, expect, it } from 'vitest';
import { responseText } from './answer-text.ts';

describe('responseText', () => {
  it('words each question type the way the trainee saw the choices', () => {
    expect(responseText({ type: 'single', choices: ['退款', '驳回'] }, 1)).toBe('驳回');
    expect(responseText({ type: 'multiple', choices: ['甲', '乙', '丙'] }, [0, 2])).toBe('甲；丙');
    expect(responseText({ type: 'truefalse', choices: ['是', '否'] }, false)).toBe('否');
    expect(responseText({ type: 'ordering', choices: [] }, ['安抚', '核实'])).toBe('安抚 → 核实');
  });

  it('says 未作答 for no answer and — for an option that no longer exists', () => {
    expect(responseText({ type: 'single', choices: ['a'] }, null)).toBe('未作答');
    expect(responseText({ type: 'multiple', choices: ['a'] }, [])).toBe('未作答');
    expect(responseText({ type: 'single', choices: ['a'] }, 5)).toBe('—');
    expect(responseText({ type: 'single', choices: ['a'] }, 'x')).toBe('—');
  });
});
