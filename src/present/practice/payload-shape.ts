import type { PracticeItem } from '../../quiz/index.ts';
import type { PracticePayload } from './practice-payload.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown) => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
const TYPES = ['single', 'multiple', 'truefalse', 'ordering'];

/** The first thing wrong with a would-be practice item, or null when it has every field the island reads. */
function itemProblem(value: unknown): string | null {
  if (!isRecord(value)) return '不是对象';
  if (typeof value.id !== 'string' || value.id === '') return '缺少 id';
  if (!TYPES.includes(value.type as string)) return `${value.id} 的 type 不认识`;
  if (typeof value.stem !== 'string' || !isStringList(value.choices) || !isStringList(value.topics)) return `${value.id} 缺少题干、选项或主题`;
  if (typeof value.keyVersion !== 'string' || typeof value.area !== 'string' || !Array.isArray(value.explanation)) return `${value.id} 缺少 keyVersion、area 或 explanation`;
  const key = value.key;
  const keyFits =
    value.type === 'truefalse' ? typeof key === 'boolean'
    : value.type === 'single' ? typeof key === 'number'
    : value.type === 'ordering' ? isStringList(key)
    : Array.isArray(key) && key.every((entry) => typeof entry === 'number');
  return keyFits ? null : `${value.id} 的 key 与题型不符`;
}

/**
 * The island's questions, checked before use: from page props or from the fetched JSON, which a stale cache or a
 * broken deploy could make anything. Throws an Error naming the first bad item.
 */
export function readPayload(raw: unknown): PracticePayload {
  if (!isRecord(raw) || !Array.isArray(raw.items) || !isRecord(raw.areaTitles)) throw new Error('题库格式不对：缺少 items 或 areaTitles。');
  for (const item of raw.items) {
    const problem = itemProblem(item);
    if (problem) throw new Error(`题库中有一道题格式不对：${problem}。`);
  }
  return { items: raw.items as PracticeItem[], areaTitles: raw.areaTitles as Record<string, string> };
}
