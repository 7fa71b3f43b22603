import { FactsSchema } from '../rules/index.ts';
import { defaultOf, descriptionOf, fieldsOf, isOptionalField, valueKindOf, type AnySchema } from './schema-docs.ts';

const kindLabels = { object: '一组字段', array: '列表', time: '时间', string: '文字', number: '数字', boolean: 'true / false', choice: '选项', unknown: '—' } as const;

function rows(schema: AnySchema, prefix: string, parentOptional: boolean): string[] {
  return Object.entries(fieldsOf(schema) ?? {}).flatMap(([key, field]) => {
    const path = `${prefix}${key}`;
    const fallback = defaultOf(field);
    const optional = isOptionalField(field);
    const need = fallback !== undefined ? `可不填（默认 ${String(fallback)}）` : optional ? '需要时填' : parentOptional ? '填这一组时必填' : '必填';
    const text = (descriptionOf(field) ?? '').replaceAll('|', '\\|');
    const row = `| \`${path}\` | ${kindLabels[valueKindOf(field)]} | ${need} | ${text} |`;
    const nested = fieldsOf(field) ? rows(field, `${path}.`, parentOptional || optional) : [];
    return [row, ...nested];
  });
}

/** The fact model as a Markdown table for content/README.md, generated from the schema's `.describe()` texts. */
export function factReferenceTable(): string {
  return ['| 事实 | 类型 | 是否必填 | 说明 |', '| --- | --- | --- | --- |', ...rows(FactsSchema, '', false)].join('\n');
}
