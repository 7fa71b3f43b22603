import { FactsSchema, formatBeijingTime, type Ruling } from '../rules/index.ts';
import type { AuthorError, TraceLine } from './author-error.ts';
import { decidingChain, factsReadBy } from './deciding-chain.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { schemaAt, valueKindOf } from './schema-docs.ts';
import { quoteValue } from './value-text.ts';

/** One expected field that disagrees with the ruling. */
export interface Mismatch {
  readonly field: string;
  readonly wrote: string;
  readonly decided: string;
  /** The rule whose trace step explains the engine's answer; its facts are what the author should re-check. */
  readonly target: string;
  /** What to write instead, as YAML; undefined when the engine gives no value and the field should go. */
  readonly replacement: string | undefined;
  /** Defaults to the deciding chain up to `target`. */
  readonly trace?: readonly TraceLine[];
}

/** A fact a rule read, as the author wrote it: times back in Beijing time, absence spelled out. */
export function showFact(path: string, value: unknown): string {
  if (value === undefined) return '未填写';
  const schema = schemaAt(FactsSchema, path.split('.'));
  return schema && valueKindOf(schema) === 'time' && typeof value === 'number' ? formatBeijingTime(value) : quoteValue(value);
}

/** EXPECTED_MISMATCH, ending with the replacement and the facts behind the engine's answer. */
export function mismatchError(file: string, locate: Locate, ruling: Ruling, found: Mismatch): AuthorError {
  const { field, wrote, decided, target, replacement } = found;
  const read = factsReadBy(ruling, target, showFact);
  const check = read.length > 0 ? `请核对 ${target} 读取的事实：${read.join('，')}` : '请核对 facts 是否写全、写对';
  const fix =
    replacement === undefined
      ? `如果情景写得没错，删除 ${field}：引擎在本案中不给出这一项。如果你认为应当给出，${check}。`
      : `如果情景写得没错，把 ${field} 改为 ${replacement}。如果你确信应当是你写的结果，说明 facts 没有写出得出它的事实：${check}。`;
  const trace = found.trace ?? decidingChain(ruling, target);
  return { code: 'EXPECTED_MISMATCH', file, ...lineOf(locate, field), field, wrote, decided, trace, fix };
}
