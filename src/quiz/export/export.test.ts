import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseGift } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, giftDocument, moodleXml, type ExportQuestion } from './index.ts';
import { readCsv } from '../../../tests/factories/csv.ts';

// Every character either format treats specially, in Chinese text.
const TRICKY = '退款<50元 & 运费"到付"\'单引号\' a~b = c #号 {花括号} 冒号: 反斜杠\\ 结束';
const QUESTIONS: ExportQuestion[] = [
  {
    id: 'q-single',
    category: ['认证题', '运费承担'],
    stem: `单选：${TRICKY}`,
    feedback: `讲解第一行\n讲解第二行：${TRICKY}`,
    kind: 'single',
    choices: [
      { text: '买家承担', correct: false },
      { text: `卖家承担 ${TRICKY}`, correct: true },
      { text: '平台承担', correct: false },
    ],
  },
  {
    id: 'q-multiple',
    category: ['认证题', '运费承担'],
    stem: '多选：哪些说法正确？',
    feedback: '',
    kind: 'multiple',
    choices: [
      { text: '陈述一', correct: true },
      { text: '陈述二', correct: false },
      { text: '陈述三', correct: true },
      { text: '陈述四', correct: true },
    ],
  },
  { id: 't-late~3', category: ['练习题', '延迟发货', '模板 t-late'], stem: '判断：卖家延迟发货了吗？', feedback: '依据：发货时限（R-SHIP）', kind: 'truefalse', answer: false },
  { id: 'q-order', category: ['练习题', '本店规范/流程'], stem: '排序：售后流程', feedback: '', kind: 'ordering', steps: ['安抚', '核实', '联系', '跟踪'] },
];

type XmlNode = Record<string, unknown> & { '@_type'?: string };
const textOf = (node: unknown) => String((node as { text: unknown }).text);

describe('Moodle XML export', () => {
  const xml = moodleXml(QUESTIONS);
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['question', 'answer', 'subquestion'].includes(name) }).parse(xml);
  const questions = parsed.quiz.question as XmlNode[];
  const real = questions.filter((q) => q['@_type'] !== 'category');
  const byName = (name: string) => real.find((q) => textOf(q.name) === name)!;

  it('is well-formed XML with a category before each new category', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(questions.filter((q) => q['@_type'] === 'category').map((q) => textOf(q.category))).toEqual([
      '$course$/top/售后规则学堂/认证题/运费承担',
      '$course$/top/售后规则学堂/练习题/延迟发货/模板 t-late',
      // A slash inside a name is doubled, as Moodle reads category paths.
      '$course$/top/售后规则学堂/练习题/本店规范//流程',
    ]);
  });

  it('gives every question a name, question text and the type Moodle core supports', () => {
    expect(real.map((q) => [textOf(q.name), q['@_type']])).toEqual([
      ['q-single', 'multichoice'],
      ['q-multiple', 'multichoice'],
      ['t-late~3', 'truefalse'],
      ['q-order', 'matching'],
    ]);
    for (const q of real) expect(textOf(q.questiontext).length).toBeGreaterThan(0);
  });

  it('keeps Chinese text with < & " and quotes intact, newlines included', () => {
    const single = byName('q-single');
    expect(textOf(single.questiontext)).toBe(`单选：${TRICKY}`);
    expect(textOf(single.generalfeedback)).toBe(`讲解第一行\n讲解第二行：${TRICKY}`);
    expect(textOf((single.answer as XmlNode[])[1])).toBe(`卖家承担 ${TRICKY}`);
  });

  it('scores single choice 100 for the key only, and splits 100 over the correct statements of a multiple answer', () => {
    const single = byName('q-single');
    expect(single.single).toBe('true');
    expect((single.answer as XmlNode[]).map((a) => a['@_fraction'])).toEqual(['0', '100', '0']);
    const multiple = byName('q-multiple');
    expect(multiple.single).toBe('false');
    const fractions = (multiple.answer as XmlNode[]).map((a) => Number(a['@_fraction']));
    // Three correct statements: 100 / 3 = 33.33333 each; the wrong one −100.
    expect(fractions).toEqual([33.33333, -100, 33.33333, 33.33333]);
    // Moodle rounds the positive total to 2 decimals before requiring 100%: 99.99999 → 100.00.
    expect(Math.round(fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0) * 100) / 100).toBe(100);
  });

  it('keys true/false and turns ordering into step → 第 N 步 pairs', () => {
    const tf = byName('t-late~3');
    expect((tf.answer as XmlNode[]).map((a) => [textOf(a), a['@_fraction']])).toEqual([['true', '0'], ['false', '100']]);
    const order = byName('q-order');
    expect((order.subquestion as XmlNode[]).map((s) => [textOf(s), textOf((s.answer as XmlNode[])[0])])).toEqual([
      ['安抚', '第 1 步'],
      ['核实', '第 2 步'],
      ['联系', '第 3 步'],
      ['跟踪', '第 4 步'],
    ]);
  });
});

describe('GIFT export', () => {
  const gift = giftDocument(QUESTIONS);
  const parsed = parseGift(gift);
  const questions = parsed.filter((q) => q.type !== 'Category');

  it('parses back into one category per run and every question', () => {
    expect(parsed.filter((q) => q.type === 'Category').map((q) => (q as { title: string }).title)).toEqual([
      '$course$/top/售后规则学堂/认证题/运费承担',
      '$course$/top/售后规则学堂/练习题/延迟发货/模板 t-late',
      '$course$/top/售后规则学堂/练习题/本店规范//流程',
    ]);
    expect(questions.map((q) => [(q as { title: string }).title, q.type])).toEqual([
      ['q-single', 'MC'],
      ['q-multiple', 'MC'],
      ['t-late~3', 'TF'],
      ['q-order', 'Matching'],
    ]);
  });

  it('round-trips the special characters ~ = # { } : \\ and line breaks', () => {
    const single = questions[0] as unknown as { stem: { text: string }; globalFeedback: { text: string }; choices: { isCorrect: boolean; text: { text: string } }[] };
    expect(single.stem.text).toBe(`单选：${TRICKY}`);
    expect(single.globalFeedback.text).toBe(`讲解第一行\n讲解第二行：${TRICKY}`);
    expect(single.choices.map((c) => [c.text.text, c.isCorrect])).toEqual([
      ['买家承担', false],
      [`卖家承担 ${TRICKY}`, true],
      ['平台承担', false],
    ]);
  });

  it('keeps the key: weights of a multiple answer, the true/false answer and the step order', () => {
    const multiple = questions[1] as unknown as { choices: { weight: number }[] };
    expect(multiple.choices.map((c) => c.weight)).toEqual([33.33333, -100, 33.33333, 33.33333]);
    expect((questions[2] as unknown as { isTrue: boolean }).isTrue).toBe(false);
    const order = questions[3] as unknown as { matchPairs: { subquestion: { text: string }; subanswer: string }[] };
    expect(order.matchPairs.map((p) => [p.subquestion.text, p.subanswer])).toEqual([
      ['安抚', '第 1 步'],
      ['核实', '第 2 步'],
      ['联系', '第 3 步'],
      ['跟踪', '第 4 步'],
    ]);
  });
});

describe('CSV', () => {
  it('starts with a BOM, ends rows with CRLF and quotes per RFC 4180', () => {
    const csv = csvDocument(['姓名', '备注'], [['张三', '说"好",然后\r\n换行'], ['李四', null]]);
    expect(csv.startsWith('\uFEFF姓名,备注\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(readCsv(csv.slice(1))).toEqual([
      ['姓名', '备注'],
      ['张三', '说"好",然后\r\n换行'],
      ['李四', ''],
    ]);
  });

  it('defuses text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const formula of ['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const [cell] = readCsv(`${csvCell(formula)}\r\n`)[0]!;
      expect(cell).toBe(`'${formula}`);
    }
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('王-五')).toBe('王-五');
  });
});
