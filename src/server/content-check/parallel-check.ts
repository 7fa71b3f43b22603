import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { questionLocate, type ContentReport, type IdDeclaration, type QuestionReview } from '../../authoring/index.ts';
import type { ExamBank } from '../../quiz/index.ts';
import type { ShopPolicy } from '../../rules/index.ts';
import { checkContent, finishGate, reviewCases, reviewQuestions, startGate } from './check-content.ts';
import { listQuestionFiles, readQuestionFile } from './question-files.ts';

/** What the main thread hands the gate's worker (see gate-worker.ts). */
export interface GateWorkerData {
  readonly root: string;
  /** The first question files in sorted order, as absolute paths: the worker's share. */
  readonly paths: readonly string[];
  readonly shopPolicy: ShopPolicy;
  readonly slugs: readonly string[];
}

/** Messages from the gate's worker, in the order it sends them. */
export type GateWorkerMessage =
  /** Right after reading: the first use of each id in the worker's files ([id, file, field, index into `paths`]). */
  | { readonly type: 'declarations'; readonly declarations: readonly (readonly [string, string, string, number])[] }
  /**
   * The reviews of the worker's files in order, without their items and variants (rulings are the bulk of a key and
   * the main thread needs none of them): the bank as the exam check reads it, and each rule's item count instead.
   */
  | { readonly type: 'reviewed'; readonly questions: readonly QuestionReview[]; readonly bank: ExamBank; readonly itemRules: Readonly<Record<string, number>> };

/**
 * Weight of one case file against a question file's bytes when the files are shared out: what a case costs the gate
 * (read, decide, compare) is about what 2 KB of question file costs (profiles of the real content and the 10,000-item
 * benchmark bank).
 */
const CASE_WEIGHT_BYTES = 2048;

export interface ParallelGateOptions {
  /** Threads to use, main thread included; only 1 and 2 are told apart. Default: `defaultGateThreads()`. */
  readonly threads?: number;
}

/**
 * 2 when a core is free to run the worker: the machine has two or more and the load average of the last minute leaves
 * one idle (as `make -l` decides). On a busy machine the worker only competes with this thread and with V8's own GC
 * and compiler threads for the same cores: measured on the 2-core machine at load 29, two threads took 25–60 % more
 * wall time and ~40 % more CPU than one (each thread decides the scenarios the other also meets, and loads the modules).
 */
export function defaultGateThreads(): number {
  const cores = availableParallelism();
  return cores >= 2 && loadavg()[0]! <= cores - 1 ? 2 : 1;
}

/**
 * `checkContent` over two threads (when `threads` is 2; one thread otherwise): a worker reviews the first question files (in sorted order) while this thread
 * reviews the cases and the remaining question files; the report is the same, byte for byte, as `checkContent`'s. The
 * shares are split by weight (bytes of question files, a fixed weight per case) so both finish at about the same time.
 * Ids are compared across every file as in one thread: the worker's files come first, so the worker sends the first
 * use of each of its ids and this thread reviews its own files after them. Falls back to `checkContent` on one thread,
 * for an invalid shop.json, or when the question files are too few to share.
 *
 * The worker is a module in this folder (gate-worker.ts) that Node loads from source, so this runs where the sources
 * are (the CLI, the build), not in a bundled server. Rejects when the worker fails as `checkContent` would throw.
 */
export async function checkContentInParallel(root: string, options: ParallelGateOptions = {}): Promise<ContentReport> {
  const threads = options.threads ?? defaultGateThreads();
  if (threads < 2) return checkContent(root);
  const start = startGate(root);
  if ('report' in start) return start.report;
  const paths = listQuestionFiles(join(root, 'questions'));
  const share = workerShare(
    paths.map((path) => statSync(path).size),
    start.caseFiles.length,
  );
  if (share === 0) return checkContent(root);

  const worker = new Worker(new URL('./gate-worker.ts', import.meta.url), {
    workerData: { root, paths: paths.slice(0, share), shopPolicy: start.shopPolicy, slugs: [...start.slugs] } satisfies GateWorkerData,
  });
  const declared = messageOf(worker, 'declarations');
  const reviewed = messageOf(worker, 'reviewed');
  // Handled whichever of the two is awaited first.
  declared.catch(() => undefined);
  reviewed.catch(() => undefined);
  try {
    const cases = reviewCases(start);
    const ownFiles = paths.slice(share).map(readQuestionFile);
    const earlier = new Map<string, IdDeclaration>();
    const lazyLocates = new Map<number, IdDeclaration['locate']>();
    // A line of the worker's files is wanted only when one of its ids is used again here: read that file again then.
    const locateIn = (index: number): NonNullable<IdDeclaration['locate']> => (field) => {
      if (!lazyLocates.has(index)) {
        const input = readQuestionFile(paths[index]!);
        lazyLocates.set(index, input.locate ? questionLocate(input.locate) : undefined);
      }
      return lazyLocates.get(index)?.(field);
    };
    for (const [id, file, field, index] of (await declared).declarations) earlier.set(id, { file, field, locate: locateIn(index) });
    const own = reviewQuestions(ownFiles, { shopPolicy: start.shopPolicy, caseFacts: cases.caseFacts, slugs: start.slugs }, earlier);
    const theirs = await reviewed;
    return finishGate(root, cases.reviews, [...theirs.questions, ...own], { bank: theirs.bank, itemRules: theirs.itemRules });
  } finally {
    void worker.terminate();
  }
}

/**
 * How many of the question files (sorted, of these sizes in bytes) the worker takes: the first ones, up to about half
 * of the work, the cases counting on the main thread's side.
 */
export function workerShare(sizes: readonly number[], caseCount: number): number {
  const half = (sizes.reduce((sum, size) => sum + size, 0) + caseCount * CASE_WEIGHT_BYTES) / 2;
  let share = 0;
  // A file goes to the worker when its middle falls in the first half.
  for (let sum = 0; share < sizes.length && sum + sizes[share]! / 2 < half; share++) sum += sizes[share]!;
  return share;
}

/** The worker's next message of `type`; rejects when the worker fails or exits without sending it. */
function messageOf<T extends GateWorkerMessage['type']>(worker: Worker, type: T): Promise<Extract<GateWorkerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: GateWorkerMessage) => {
      if (message.type === type) resolve(message as Extract<GateWorkerMessage, { type: T }>);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the content gate's worker exited (code ${code}) before sending ${type}`)));
  });
}
