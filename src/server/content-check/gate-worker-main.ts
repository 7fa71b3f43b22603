// The gate's worker thread proper; gate-worker.ts loads it after turning on the compile cache.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { firstDeclarations, summarizeContent } from '../../authoring/index.ts';
import { bankOf, reviewQuestions } from './check-content.ts';
import type { GateWorkerData, GateWorkerMessage } from './parallel-check.ts';
import { loadCaseFacts, readQuestionFile } from './question-files.ts';

const { root, paths, shopPolicy, slugs } = workerData as GateWorkerData;
const post = (message: GateWorkerMessage) => parentPort!.postMessage(message);

const files = paths.map(readQuestionFile);
const readable = files.filter((input) => input.errors.length === 0);
const indexOf = new Map(files.map((input, index) => [input.file, index]));
post({
  type: 'declarations',
  declarations: [...firstDeclarations(readable)].map(([id, { file, field }]) => [id, file, field, indexOf.get(file)!] as const),
});

// Questions refer to a few dozen cases: read those on demand rather than wait for the main thread's case review.
const questions = reviewQuestions(files, { shopPolicy, caseFacts: loadCaseFacts(join(root, 'cases')), slugs: new Set(slugs) });
const bank = bankOf(questions);
const itemRules = Object.fromEntries(Object.entries(summarizeContent([], [], questions).rules).map(([id, count]) => [id, count.items]));
post({
  type: 'reviewed',
  questions: questions.map(({ errors, itemCount, templateCount }) => ({ errors, items: [], variants: [], itemCount, templateCount })),
  bank: {
    items: bank.items.map(({ item, key }) => ({ item, key: withoutRulings(key) })),
    variants: bank.variants.map((variant) => ({ ...variant, key: withoutRulings(variant.key) })),
  },
  itemRules,
});

/** A key as the exam check reads it: its type and answer; rulings make up most of a key's size and are not read there. */
function withoutRulings<K extends { readonly rulings: readonly unknown[] }>(key: K): K {
  return { ...key, rulings: [], ...('verdicts' in key ? { verdicts: [] } : {}) };
}
