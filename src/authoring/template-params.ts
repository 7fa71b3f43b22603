import { channels, parseBeijingTime } from '../rules/index.ts';
import type { Template } from '../quiz/index.ts';
import type { AuthorError } from './author-error.ts';
import { closest } from './closest.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { fieldText, type FieldPath } from './question-paths.ts';

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Every `{{name}}` in a value, with the path of the string it is in, in document order. */
function placeholders(value: unknown, path: FieldPath): { name: string; path: FieldPath }[] {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER)].map((match) => ({ name: match[1]!, path }));
  if (Array.isArray(value)) return value.flatMap((entry, index) => placeholders(entry, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => placeholders(entry, [...path, key]));
  return [];
}

/**
 * INVALID_TEMPLATE for what the schema cannot see: a `{{name}}` with no such parameter (it would stay in the text
 * literally), a time range that cannot be read or runs backwards, an int range that runs backwards, and a deadline
 * parameter whose `from`, `channel` or `hours` names nothing usable.
 */
export function templateParamErrors(template: Template, path: FieldPath, file: string, locate: Locate): AuthorError[] {
  const errors: AuthorError[] = [];
  const names = Object.keys(template.params);
  const add = (at: FieldPath, wrote: string, problem: string, fix: string) => {
    const field = fieldText([...path, ...at]);
    errors.push({ code: 'INVALID_TEMPLATE', file, item: template.id, ...lineOf(locate, field), field, wrote, problem, trace: [], fix });
  };
  const used = [
    ...placeholders(template.stem, ['stem']),
    ...placeholders(template.facts, ['facts']),
    ...(template.claim ? placeholders(template.claim.equals, ['claim', 'equals']) : []),
  ];
  const reported = new Set<string>();
  for (const { name, path: at } of used) {
    if (name in template.params || reported.has(name)) continue;
    reported.add(name);
    const near = closest(name, names);
    add(at, `{{${name}}}`, `params 里没有叫 ${name} 的参数，抽题时它会原样留在文字里。`, near ? `改成 {{${near}}}（拼写相近）。` : `在 params 下定义 ${name}，或删掉这个占位符。已有的参数：${names.join('、') || '（无）'}。`);
  }
  const timeParams = names.filter((name) => 'time' in template.params[name]!);
  for (const [name, spec] of Object.entries(template.params)) {
    const at = ['params', name];
    if ('time' in spec) {
      const [from, to] = spec.time.map((text) => parseBeijingTime(text));
      if (from === null || to === null || from === undefined || to === undefined) {
        add([...at, 'time'], `[${spec.time.join(', ')}]`, '时间无法识别。', '写成带引号的北京时间“YYYY-MM-DD HH:mm”，例如 ["2025-09-01 08:00", "2025-09-30 22:00"]。');
      } else if (from > to) {
        add([...at, 'time'], `[${spec.time.join(', ')}]`, '起点晚于终点。', '把早的时间写在前面。');
      }
    } else if ('int' in spec && spec.int[0] > spec.int[1]) {
      add([...at, 'int'], `[${spec.int.join(', ')}]`, '最小值大于最大值。', '把小的数写在前面。');
    } else if ('deadline' in spec) {
      if (!timeParams.includes(spec.from) && parseBeijingTime(spec.from) === null) {
        add([...at, 'from'], spec.from, '既不是时间参数的名字，也不是北京时间。', `写时间参数的名字（${timeParams.join('、') || '先在 params 里定义一个 time 参数'}），或写一个固定的北京时间。`);
      }
      if (spec.channel !== undefined && !names.includes(spec.channel) && !(channels as readonly string[]).includes(spec.channel)) {
        add([...at, 'channel'], spec.channel, '既不是参数的名字，也不是渠道。', `写渠道参数的名字，或写 ${channels.join(' / ')}。`);
      }
      if (spec.hours !== undefined && !names.includes(spec.hours)) {
        add([...at, 'hours'], spec.hours, '不是参数的名字。', '写约定发货小时数的参数名（例如用 int 参数），或删掉 hours 用渠道默认时限。');
      }
    }
  }
  return errors;
}
