// Generates src/rules/articles.ts from the primary texts in ../shared/domain/sources: which articles the project
// carries is data (ARTICLES below), what they say is read from the sources. `npm run gen:articles` writes the file;
// tests/articles.test.ts checks the committed file is what this generates.

/** A primary text: its id in the catalogue, its title, its file in the sources folder, the articles carried. */
interface SourceDocument {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly articles: readonly number[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/**
 * The articles carried. 淘宝 rules are carried whole except 第八十八条 and 第八十九条, which only list the separate
 * specifications for special transactions and categories; the laws carry the articles the catalogue cites.
 */
export const DOCUMENTS: readonly SourceDocument[] = [
  { id: 'tb', title: '《淘宝平台争议处理规则》', file: 'taobao-dispute-rules-2025.txt', articles: [...range(1, 87), ...range(90, 94)] },
  { id: 'consumerLaw', title: '《消费者权益保护法》', file: 'consumer-rights-law.txt', articles: [23, 24, 25, 26, 55, 56] },
  { id: 'consumerRegulation', title: '《消费者权益保护法实施条例》', file: 'consumer-rights-regulation-2024.txt', articles: [17, 19] },
  { id: 'ecommerceLaw', title: '《电子商务法》', file: 'ecommerce-law.txt', articles: [20, 51, 52] },
  {
    id: 'sevenDayMeasures',
    title: '《网络购买商品七日无理由退货暂行办法》',
    file: 'samr-7day-return-measures.txt',
    articles: [6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 25, 30, 31],
  },
  { id: 'advertisingLaw', title: '《广告法》', file: 'advertising-law.txt', articles: [8, 9] },
];

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 九十四 → 94, 一百零三 → 103. */
export function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const char of text) {
    const unit = char === '百' ? 100 : char === '十' ? 10 : 0;
    if (unit === 0) digit = DIGITS[char] ?? Number.NaN;
    else {
      total += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

const BODY_START = '==== 正文开始 ====';
const ARTICLE = /^第([零〇一二三四五六七八九十百]+)条[\s\u3000]*(.*)$/u;
const DIVISION = /^第[零〇一二三四五六七八九十百]+[章节]/u;

/** Every article of one source text by number: heading (第X条) and paragraphs joined with a newline. */
export function parseArticles(source: string): Map<number, { heading: string; text: string }> {
  const start = source.indexOf(BODY_START);
  const lines = (start < 0 ? source : source.slice(start + BODY_START.length)).split(/\r?\n/u);
  const articles = new Map<number, { heading: string; paragraphs: string[] }>();
  let current: { heading: string; paragraphs: string[] } | null = null;
  for (const raw of lines) {
    const line = raw.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/gu, '');
    if (line === '') continue;
    if (line.startsWith('====')) break;
    const article = ARTICLE.exec(line);
    if (article) {
      current = { heading: `第${article[1]}条`, paragraphs: article[2] ? [article[2]] : [] };
      articles.set(chineseNumber(article[1]!), current);
    } else if (DIVISION.test(line)) current = null;
    else current?.paragraphs.push(line);
  }
  return new Map([...articles].map(([number, { heading, paragraphs }]) => [number, { heading, text: paragraphs.join('\n') }]));
}

/** The text of src/rules/articles.ts for these source texts (file name → contents). Throws for a missing article. */
export function articlesModule(sources: ReadonlyMap<string, string>): string {
  const lines = [
    '// Generated from ../shared/domain/sources/*.txt by `npm run gen:articles` (src/server/articles/): verbatim article',
    '// texts cited by the rule catalogue. Edit the sources or the list of carried articles, not this file.',
    '',
    '/** A primary text the catalogue cites. */',
    `export type DocumentId = ${DOCUMENTS.map((d) => `'${d.id}'`).join(' | ')};`,
    '',
    'export const documentTitles: Readonly<Record<DocumentId, string>> = {',
    ...DOCUMENTS.map((d) => `  ${d.id}: '${d.title}',`),
    '};',
    '',
    'export const documentFiles: Readonly<Record<DocumentId, string>> = {',
    ...DOCUMENTS.map((d) => `  ${d.id}: '${d.file}',`),
    '};',
    '',
    '/** Article texts by document and article number; paragraphs joined with a newline. */',
    'export const articleTexts: Readonly<Record<DocumentId, Readonly<Record<number, { readonly heading: string; readonly text: string }>>>> = {',
  ];
  for (const document of DOCUMENTS) {
    const source = sources.get(document.file);
    if (source === undefined) throw new Error(`${document.file} is missing from the sources folder`);
    const parsed = parseArticles(source);
    lines.push(`  ${document.id}: {`);
    for (const number of document.articles) {
      const article = parsed.get(number);
      if (!article) throw new Error(`${document.file} has no article ${number}`);
      lines.push(`    ${number}: { heading: ${JSON.stringify(article.heading)}, text: ${JSON.stringify(article.text)} },`);
    }
    lines.push('  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}
