import type { Item } from './item-schema.ts';
import type { Key } from './keys.ts';

/** The two answers a true/false item shows, as its `labels` says: 是/否 or 正确/错误 (true first). */
export function trueFalseLabels(labels: Extract<Item, { type: 'truefalse' }>['labels']): readonly [string, string] {
  return labels === '是否' ? ['是', '否'] : ['正确', '错误'];
}

/**
 * What an item offers to choose from, in authored order: a single item's options, a multiple item's statements, a
 * true/false item's two labels, an ordering item's steps in the key's order (a page that shows them shuffles them).
 */
export function authoredChoices(item: Item, key: Key): readonly string[] {
  switch (item.type) {
    case 'single':
      return item.options.map((option) => option.text);
    case 'multiple':
      return item.statements.map((statement) => statement.text);
    case 'truefalse':
      return trueFalseLabels(item.labels);
    case 'ordering':
      return key.answer as readonly string[];
  }
}
