import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AuthorError, ContentReport } from '../../authoring/index.ts';
import { checkContent } from '../content-check/check-content.ts';
import { displayPath } from '../content-check/content-files.ts';

/** One content gate error, with the studio path (below the content folder) it belongs to, for the editor to target. */
export type StudioGateError = AuthorError & { readonly path: string };

export interface ProposedGateResult {
  /** Errors the proposed content has that the current content does not: these refuse a save. */
  readonly errors: readonly StudioGateError[];
  /** How many errors the current content already had (a hand edit outside the studio); they do not refuse a save. */
  readonly existing: number;
  readonly summary: { readonly cases: number; readonly items: number; readonly templates: number; readonly exams: number };
}

/** A file's text by its path below the content folder; `null` deletes it. */
export type ProposedFiles = ReadonlyMap<string, string | null>;

/**
 * Runs the content gate (exactly `npm run check:content`) over the content folder with `proposed` laid over it, in a
 * throwaway copy, so nothing in CONTENT_DIR changes. A single file is never checked alone: a shop.json edit can flip
 * every case, a renamed case breaks `related` and questions built on it, a question can make a blueprint unfillable.
 * Messages name files as the author knows them (`content/cases/x.mdx`), neither the copy nor CONTENT_DIR.
 */
export function checkProposed(root: string, proposed: ProposedFiles): ProposedGateResult {
  const after = withOverlay(root, proposed, (copy) => checkContent(copy));
  if (after.report.errors.length === 0) return { errors: [], existing: 0, summary: summaryOf(after.report) };
  // Only now pay for a second run: which of these errors were there before the edit?
  const before = relabel(checkContent(root), root);
  const known = new Set(before.errors.map(errorKey));
  return {
    errors: after.errors.filter((error) => !known.has(errorKey(error))),
    existing: before.errors.length,
    summary: summaryOf(after.report),
  };
}

function withOverlay(root: string, proposed: ProposedFiles, run: (copy: string) => ContentReport): { report: ContentReport; errors: StudioGateError[] } {
  const scratch = mkdtempSync(join(tmpdir(), 'studio-gate-'));
  const copy = join(scratch, 'content');
  try {
    // Only what the gate reads; drafts or anything else in the folder stay out.
    for (const folder of ['cases', 'questions', 'exams', 'policy']) {
      try {
        cpSync(join(root, folder), join(copy, folder), { recursive: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    for (const [path, text] of proposed) {
      const target = join(copy, path);
      if (text === null) rmSync(target, { force: true });
      else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
    }
    const report = run(copy);
    return { report, errors: relabel(report, copy).errors };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Names each error's file as authors know it, `content/<path>`, whatever CONTENT_DIR is (a server path is neither
 * useful to a lead nor something to show), and adds the studio path the editor addresses the file by.
 */
function relabel(report: ContentReport, checked: string): { errors: StudioGateError[] } {
  const from = `${displayPath(checked)}/`;
  return {
    errors: report.errors.map((error) => {
      if (!error.file.startsWith(from)) return { ...error, path: error.file };
      const path = error.file.slice(from.length);
      return { ...error, file: `content/${path}`, path };
    }),
  };
}

// Lines move when a file is edited; what an error says does not.
function errorKey(error: StudioGateError): string {
  return JSON.stringify([error.code, error.path, error.item ?? null, error.field, error.wrote, error.decided ?? null, error.problem ?? null]);
}

function summaryOf(report: ContentReport): ProposedGateResult['summary'] {
  return { cases: report.cases, items: report.items, templates: report.templates, exams: report.exams ?? 0 };
}
