/**
 * Beijing time (Asia/Shanghai). China has kept UTC+8 with no daylight saving since 1991, so a fixed offset is exact
 * for every date this product deals with, and arithmetic never depends on the host's time zone.
 */
const OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Milliseconds since the Unix epoch. Every time inside the engine is an Instant. */
export type Instant = number;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const OFFSET_PATTERN = /(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an author-written time. `2025-09-01 14:30`, `2025-09-01 14:30:59` and `2025-09-01` (midnight) are read as
 * Beijing time; ISO strings with an explicit offset (`2025-09-01T06:30:00Z`) are honoured as written.
 * Returns null for anything else, including impossible dates such as 2025-02-30.
 */
export function parseBeijingTime(text: string): Instant | null {
  const trimmed = text.trim();
  const local = LOCAL_PATTERN.exec(trimmed);
  if (local) {
    const [year, month, day, hour = 0, minute = 0, second = 0] = local.slice(1).map((part) => Number(part ?? 0));
    const utc = Date.UTC(year!, month! - 1, day!, hour, minute, second);
    const check = new Date(utc);
    if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    return utc - OFFSET_MS;
  }
  if (OFFSET_PATTERN.test(trimmed) && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const parsed = Date.parse(trimmed);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

/** Formats an instant as `YYYY-MM-DD HH:mm` (or with seconds when they are not zero) in Beijing time. */
export function formatBeijingTime(instant: Instant): string {
  const shifted = new Date(instant + OFFSET_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  const seconds = shifted.getUTCSeconds();
  return seconds === 0 ? `${date} ${time}` : `${date} ${time}:${pad(seconds)}`;
}

/** 00:00 Beijing time of the day that contains `instant`. */
export function startOfBeijingDay(instant: Instant): Instant {
  return Math.floor((instant + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

export function addHours(instant: Instant, hours: number): Instant {
  return instant + hours * HOUR_MS;
}

export function addDays(instant: Instant, days: number): Instant {
  return instant + days * DAY_MS;
}

/** Whole calendar days (Beijing) from the day of `from` to the day of `to`; 0 on the same day. */
export function calendarDaysBetween(from: Instant, to: Instant): number {
  return Math.round((startOfBeijingDay(to) - startOfBeijingDay(from)) / DAY_MS);
}
