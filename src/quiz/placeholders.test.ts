import { describe, expect, it } from 'vitest';
import { substitute } from './placeholders.ts';

describe('substitute', () => {
  it('fills whole and embedded placeholders, leaves other strings and values as they are', () => {
    const facts = { paidAt: '{{paid}}', note: '第 {{n}} 次，{{missing}}', amount: 12, tags: ['{{n}}', 'x'], nested: { flag: '{{flag}}' }, empty: null };
    expect(substitute(facts, { paid: '2025-06-01 10:00', n: 3, flag: true })).toEqual({
      paidAt: '2025-06-01 10:00',
      note: '第 3 次，{{missing}}',
      amount: 12,
      tags: [3, 'x'],
      nested: { flag: true },
      empty: null,
    });
  });

  it('keeps a __proto__ key as an own property, as the YAML reader made it, and never touches the prototype', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": "{{n}}"}, "a": 1}') as unknown;
    const result = substitute(raw, { n: 1 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
