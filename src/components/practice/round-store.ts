import type { SavedRound } from '../../present/practice/index.ts';

/** Prefix of the localStorage keys of saved rounds, one per practice page (see `roundKey`). */
export const ROUND_KEY_PREFIX = 'asa-practice-round-v1:';

/** The key under which the practice page at `pathname` saves its round: each topic, mixed and review apart. */
export function roundKey(pathname: string): string {
  return `${ROUND_KEY_PREFIX}${pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname}`;
}

/** The round in progress on one practice page, kept in localStorage so that a reload resumes it. */
export interface RoundStore {
  /** The saved round as stored (unvalidated: `resumeRound` checks it), or null. */
  load(): unknown;
  save(round: SavedRound): void;
}

/**
 * The round store of the page at `pathname`. Storage that is refused or full costs only the resume: the round goes
 * on in memory, as practice progress does.
 */
export function browserRound(pathname: string): RoundStore {
  const key = roundKey(pathname);
  return {
    load() {
      try {
        const text = localStorage.getItem(key);
        return text === null ? null : (JSON.parse(text) as unknown);
      } catch {
        return null;
      }
    },
    save(round) {
      try {
        localStorage.setItem(key, JSON.stringify(round));
      } catch {
        // Quota or policy: the round simply will not survive a reload.
      }
    },
  };
}
