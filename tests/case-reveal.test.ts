import type { Element, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { splitCaseBody } from '../src/markdown/case-reveal.ts';

const h2 = (text: string): Element => ({ type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: text }] });
const p = (text: string): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] });
const esm = { type: 'mdxjsEsm', value: "import X from './x.astro'" } as unknown as RootContent;

describe('splitCaseBody', () => {
  it('puts everything from 裁决与理由 on into the ruling part and the rest into the brief', () => {
    const parts = splitCaseBody([h2('情景'), p('买家说'), h2('裁决与理由'), p('理由'), h2('常见错误'), p('错误')])!;
    expect(parts).toHaveLength(2);
    const [brief, ruling] = parts as Element[];
    expect(brief!.properties).toEqual({ dataCasePart: 'brief' });
    expect(brief!.children.map((child) => (child as Element).tagName)).toEqual(['h2', 'p']);
    expect(ruling!.properties).toEqual({ dataCasePart: 'ruling' });
    expect(ruling!.children).toHaveLength(4);
  });

  it('moves 回复话术, which states the outcome, behind the reveal right after 裁决与理由', () => {
    const parts = splitCaseBody([
      h2('情景'), p('买家说'), h2('核实要点'), p('查物流'), h2('回复话术'), p('亲，给您退款'),
      h2('裁决与理由'), p('理由'), h2('常见错误'), p('错误'),
    ])! as Element[];
    const texts = (part: Element) => part.children.map((child) => ((child as Element).children[0] as { value: string }).value);
    expect(texts(parts[0]!)).toEqual(['情景', '买家说', '核实要点', '查物流']);
    expect(texts(parts[1]!)).toEqual(['裁决与理由', '理由', '回复话术', '亲，给您退款', '常见错误', '错误']);
  });

  it('keeps import/export statements at the top level so MDX can hoist them', () => {
    const parts = splitCaseBody([esm, h2('情景'), h2('裁决与理由')])!;
    expect(parts[0]).toBe(esm);
    expect(parts).toHaveLength(3);
  });

  it('leaves a body without the heading alone', () => {
    expect(splitCaseBody([h2('情景'), p('买家说')])).toBeNull();
  });

  it('matches the heading by its text, including text inside emphasis', () => {
    const heading: Element = { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: '裁决与理由' }] }] };
    expect(splitCaseBody([p('情景'), heading])).toHaveLength(2);
  });
});
