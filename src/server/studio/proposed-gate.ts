import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { AuthorError, ContentReport } from '../../authoring/index.ts';
import { checkContent } from '../content-check/check-content.ts';
import { displayPath } from '../content-check/content-files.ts';
import { serverScript } from './server-script.ts';

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
export async function checkProposed(root: string, proposed: ProposedFiles): Promise<ProposedGateResult> {
  const after = await withOverlay(root, proposed);
  if (after.report.errors.length === 0) return { errors: [], existing: 0, summary: summaryOf(after.report) };
  // Only now pay for a second run: which of these errors were there before the edit?
  const before = await runGate(root);
  const known = new Set(before.errors.map(errorKey));
  return {
    errors: after.errors.filter((error) => !known.has(errorKey(error))),
    existing: before.errors.length,
    summary: summaryOf(after.report),
  };
}

async function withOverlay(root: string, proposed: ProposedFiles): Promise<{ report: ContentReport; errors: StudioGateError[] }> {
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
    const gate = await runGate(copy);
    return { report: gate.report, errors: gate.errors };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs the gate over `dir`. The gate is synchronous and takes ~1 s for the library (several under load): in this
 * process it would stall every other request (exam autosaves, sign-ins) for that long, so it runs as the CLI in a
 * child process with this server's Node; only where the sources are not deployed does it run in process.
 */
async function runGate(dir: string): Promise<{ report: ContentReport; errors: StudioGateError[] }> {
  // The CLI of `npm run check:content`.
  const cli = serverScript('content-check/cli.ts');
  if (!cli) {
    const report = checkContent(dir);
    return { report, errors: relabel(report, `${displayPath(dir)}/`).errors };
  }
  const stdout = await new Promise<string>((resolve, reject) => {
    // cwd is the folder's parent, so the CLI names files `<folder>/cases/x.mdx`.
    execFile(process.execPath, [cli, '--json', '--dir', basename(dir)], { cwd: dirname(dir), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, out) => {
      // Exit code 1 means "content has errors", which the JSON lists; anything else is a failure of the check itself.
      if (error && typeof error.code === 'number' && error.code === 1 && out) resolve(out);
      else if (error) reject(error);
      else resolve(out);
    });
  });
  const report = JSON.parse(stdout) as ContentReport;
  return { report, errors: relabel(report, `${basename(dir)}/`).errors };
}

/**
 * Names each error's file as authors know it, `content/<path>`, whatever CONTENT_DIR is (a server path is neither
 * useful to a lead nor something to show), and adds the studio path the editor addresses the file by. `from` is the
 * folder's prefix as the gate printed it.
 */
function relabel(report: ContentReport, from: string): { errors: StudioGateError[] } {
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
