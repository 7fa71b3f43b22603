/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed Moodle XML and GIFT trees are untyped; the assertions check their shape */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseGift } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { bankQuestions, giftDocument, moodleXml, variantId } from '../src/quiz/index.ts';
import { loadExamContent } from '../src/server/exams/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const content = loadExamContent(join(ROOT, 'content'));
const { questions, skipped } = bankQuestions(content.bank);
const bankIds = [...content.bank.items.map(({ item }) => item.id), ...content.bank.variants.map((v) => variantId(v.templateId, v.seed))];

/** The key of a bank question as the exported text of its correct choices (or true/false, or the step order). */
function expectedKey(id: string): unknown {
  const { item, key } = content.lookup(id)!;
  switch (item.type) {
    case 'single':
      return [item.options[key.answer as number]!.text];
    case 'multiple':
      return (key.answer as number[]).map((index) => item.statements[index]!.text);
    case 'truefalse':
      return key.answer;
    case 'ordering':
      return key.answer;
  }
}

describe('question bank export of the real content', () => {
  it('exports every bank item and variant once, exam-only ones included', () => {
    expect(skipped).toEqual([]);
    expect(questions.map((q) => q.id).sort()).toEqual([...bankIds].sort());
    expect(questions.some((q) => q.category[0] === '认证题')).toBe(true);
  });

  it('writes Moodle XML that validates and keys every question as the rule engine does', () => {
    const xml = moodleXml(questions);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['question', 'answer', 'subquestion'].includes(name) }).parse(xml);
    const all = parsed.quiz.question as Record<string, any>[];
    const real = all.filter((q) => q['@_type'] !== 'category');
    expect(real).toHaveLength(bankIds.length);
    // Grouped by category: no category path is declared twice.
    const categories = all.filter((q) => q['@_type'] === 'category').map((q) => q.category.text);
    expect(new Set(categories).size).toBe(categories.length);
    for (const q of real) {
      const id = String(q.name.text);
      expect(String(q.questiontext.text).length, id).toBeGreaterThan(3);
      if (q['@_type'] === 'multichoice') {
        const correct = (q.answer as any[]).filter((a) => Number(a['@_fraction']) > 0);
        expect(correct.map((a) => String(a.text)), id).toEqual(expectedKey(id));
        const total = correct.reduce((sum, a) => sum + Number(a['@_fraction']), 0);
        expect(Math.round(total * 100) / 100, id).toBe(100);
      } else if (q['@_type'] === 'truefalse') {
        const right = (q.answer as any[]).find((a) => a['@_fraction'] === '100');
        expect(right.text === 'true', id).toBe(expectedKey(id));
      } else {
        expect(q['@_type']).toBe('matching');
        expect((q.subquestion as any[]).map((s) => String(s.text)), id).toEqual(expectedKey(id));
      }
    }
  });

  it('writes GIFT that gift-pegjs parses, with every key intact', () => {
    const parsed = parseGift(giftDocument(questions)).filter((q) => q.type !== 'Category') as any[];
    expect(parsed).toHaveLength(bankIds.length);
    for (const q of parsed) {
      const id = String(q.title);
      const original = questions.find((question) => question.id === id)!;
      expect(q.stem.text, id).toBe(original.stem);
      if (q.type === 'MC') {
        const correct = q.choices.filter((c: any) => c.isCorrect || (c.weight ?? 0) > 0).map((c: any) => c.text.text);
        expect(correct, id).toEqual(expectedKey(id));
      } else if (q.type === 'TF') {
        expect(q.isTrue, id).toBe(expectedKey(id));
      } else {
        expect(q.type).toBe('Matching');
        expect(q.matchPairs.map((p: any) => p.subquestion.text), id).toEqual(expectedKey(id));
      }
    }
  });
});
