import { describe, expect, it } from 'vitest';
import { addHours, calendarDaysBetween, formatBeijingTime, parseBeijingTime, startOfBeijingDay } from './beijing-time.ts';

describe('Beijing time', () => {
  it('reads author times as UTC+8', () => {
    expect(parseBeijingTime('2025-09-01 08:00')).toBe(Date.UTC(2025, 8, 1, 0, 0));
    expect(parseBeijingTime('2025-09-01')).toBe(Date.UTC(2025, 7, 31, 16, 0));
    expect(parseBeijingTime('2025-09-01 23:59:59')).toBe(Date.UTC(2025, 8, 1, 15, 59, 59));
  });

  it('honours an explicit offset, and reads a bare ISO time as Beijing time', () => {
    expect(parseBeijingTime('2025-09-01T00:00:00Z')).toBe(Date.UTC(2025, 8, 1));
    expect(parseBeijingTime('2025-09-01T10:00')).toBe(parseBeijingTime('2025-09-01 10:00'));
  });

  it('rejects impossible or unreadable times', () => {
    for (const text of ['2025-02-30 10:00', '2025-09-01 24:00', '9/1/2025', '2025-09-01 10:00 PM', '']) {
      expect(parseBeijingTime(text), text).toBeNull();
    }
  });

  it('formats and starts days in Beijing time whatever the host zone', () => {
    const instant = parseBeijingTime('2025-09-03 00:30')!;
    expect(formatBeijingTime(instant)).toBe('2025-09-03 00:30');
    expect(formatBeijingTime(startOfBeijingDay(instant))).toBe('2025-09-03 00:00');
    expect(formatBeijingTime(addHours(instant, 0.5 / 60))).toBe('2025-09-03 00:30:30');
  });

  it('counts calendar days across midnight, not 24-hour periods', () => {
    expect(calendarDaysBetween(parseBeijingTime('2025-09-01 23:59')!, parseBeijingTime('2025-09-02 00:01')!)).toBe(1);
    expect(calendarDaysBetween(parseBeijingTime('2025-09-01 00:01')!, parseBeijingTime('2025-09-01 23:59')!)).toBe(0);
  });
});
