import { describe, expect, it } from 'vitest';
import { parseBeijingTime } from '../rules/index.ts';
import { beijingDate, beijingTime } from './lead-format.ts';

describe('times as people read them', () => {
  const at = parseBeijingTime('2026-12-07 22:22')! + 11_000;

  it('shows minutes, never seconds: down for what happened, up for when something becomes possible', () => {
    expect(beijingTime(at)).toBe('2026-12-07 22:22');
    expect(beijingTime(at, 'up')).toBe('2026-12-07 22:23');
    expect(beijingTime(parseBeijingTime('2026-12-07 23:59')! + 1, 'up')).toBe('2026-12-08 00:00');
    expect(beijingTime(parseBeijingTime('2026-12-07 22:22')!, 'up')).toBe('2026-12-07 22:22');
  });

  it('says — when there is no time', () => {
    expect(beijingTime(null)).toBe('—');
    expect(beijingDate(undefined)).toBe('—');
  });
});
