import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { normalizeQuestionFile } from '../../authoring/index.ts';
import { buildBank, type Bank, type QuestionSource } from '../../quiz/index.ts';
import { checkBlueprint, ExamSchema, questionLookup, type Exam } from '../../quiz/index.ts';
import { ItemSchema, TemplateSchema, type ScenarioContext } from '../../quiz/index.ts';
import { CURRENT_EDITION } from '../../rules/index.ts';
import { contentDir } from '../config.ts';
import { loadShopPolicy } from '../content-check/content-files.ts';
import { loadCaseFacts, readQuestionFiles } from '../content-check/question-files.ts';
import type { ExamContent } from './exam-content.ts';


/**
 * Reads exams and the whole question bank (exam-only questions included) from the content folder on disk. Exam
 * questions are kept out of the build on purpose (see the `questions` collection), so the server reads them here.
 * @throws Error naming the file when an exam file is invalid or its blueprint cannot be filled.
 */
export function loadExamContent(root: string = contentDir()): ExamContent & { readonly bank: Bank } {
  const shop = loadShopPolicy(join(root, 'policy/shop.json'));
  if ('errors' in shop) throw new Error(`${join(root, 'policy/shop.json')} 无效：请运行 npm run check:content 查看。`);
  const caseFacts = loadCaseFacts(join(root, 'cases'));
  const context: ScenarioContext = { shopPolicy: shop.policy, caseFacts: (slug) => caseFacts.get(slug) };
  const sources: QuestionSource[] = readQuestionFiles(root)
    .filter((file) => file.errors.length === 0)
    .map((file) => {
      const data = normalizeQuestionFile(file.data) as { items?: unknown[]; templates?: unknown[] };
      return {
        items: (data.items ?? []).flatMap((raw) => {
          const parsed = ItemSchema.safeParse(raw);
          return parsed.success ? [parsed.data] : [];
        }),
        templates: (data.templates ?? []).flatMap((raw) => {
          const parsed = TemplateSchema.safeParse(raw);
          return parsed.success ? [parsed.data] : [];
        }),
      };
    });
  const bank = buildBank(sources, context);
  const exams = new Map<string, Exam>();
  const examsDir = join(root, 'exams');
  for (const name of readdirSync(examsDir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const path = join(examsDir, name);
    const parsed = ExamSchema.safeParse(parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path}：${parsed.error.issues.map((issue) => `${issue.path.join('.')}：${issue.message}`).join('；')}`);
    const check = checkBlueprint(parsed.data, bank);
    const failed = check.sections.find((section) => !section.passed);
    if (failed) throw new Error(`${path}：blueprint 第 ${failed.index + 1} 部分需要 ${failed.needed} 道题，可用 ${failed.matching - failed.takenEarlier} 道。请减少 count 或补充认证题。`);
    exams.set(parsed.data.id, parsed.data);
  }
  const fingerprint = createHash('sha256');
  for (const { item, key } of bank.items) fingerprint.update(`${item.id}\u0000${JSON.stringify(item)}\u0000${JSON.stringify(key.answer)}\n`);
  for (const variant of bank.variants) fingerprint.update(`${variant.templateId}~${variant.seed}\u0000${JSON.stringify(variant.item)}\n`);
  return { exams, bank, lookup: questionLookup(bank), edition: CURRENT_EDITION, contentVersion: fingerprint.digest('hex').slice(0, 16) };
}
