import { describe, expect, it } from 'vitest';
import { allFlows, layoutFlow, negotiationChart, serviceFlowChart } from './flows.ts';
import { layoutChain, layoutLanes, textWidth, wrapBalanced, wrapText } from './layout.ts';
import { defaultShopPolicy } from '../../rules/index.ts';

describe('text measuring and wrapping', () => {
  it('counts Chinese characters as a full em and Latin letters and digits as about half', () => {
    expect(textWidth('退货退款', 15)).toBe(60);
    expect(textWidth('R-7DAY', 10)).toBe(36);
  });

  it('never starts a line with closing punctuation and keeps Latin runs whole', () => {
    const lines = wrapText('拦件（因错发重发或换快递）', 5 * 15);
    expect(lines.every((line) => !/^[）。，]/u.test(line))).toBe(true);
    expect(wrapText('补偿 5–30 元内可直接处理', 4 * 13, 13).some((line) => line.includes('5–30'))).toBe(true);
  });

  it('balances lines so a label does not end on a lone character', () => {
    expect(wrapText('快递反映派送未成功', 8 * 15)).toEqual(['快递反映派送未成', '功']);
    expect(wrapBalanced('快递反映派送未成功', 8 * 15)).toEqual(['快递反映派', '送未成功']);
  });
});

describe('layouts', () => {
  it('stacks a chain top to bottom with one arrow between neighbours and keeps boxes apart', () => {
    const diagram = layoutChain([{ label: '一' }, { label: '二' }, { label: '三' }]);
    expect(diagram.arrows).toHaveLength(2);
    const [a, b, c] = diagram.boxes;
    expect(a!.y + a!.height).toBeLessThan(b!.y);
    expect(b!.y + b!.height).toBeLessThan(c!.y);
    expect(diagram.height).toBeGreaterThan(c!.y + c!.height);
  });

  it('draws a staircase when steps are indented, and a skip arrow in the left gutter', () => {
    const stairs = layoutChain([{ label: '解释' }, { label: '补偿' }, { label: '退货' }], { indent: 20, skips: [{ from: 0, to: 2, label: '协商一致' }] });
    expect(stairs.boxes.map((box) => box.x)).toEqual([48, 68, 88]);
    expect(stairs.arrows).toHaveLength(3);
    expect(stairs.labels.at(-1)!.lines).toEqual(['协', '商', '一', '致']);
  });

  it('rejects a skip that points outside the chain', () => {
    expect(() => layoutChain([{ label: '一' }], { skips: [{ from: 0, to: 3, label: '跳' }] })).toThrow(RangeError);
  });

  it('lays lanes out as rows, alternatives below the head with an “或” label', () => {
    const diagram = layoutLanes([
      { head: '错发', alternatives: [[{ label: '全额退款' }], [{ label: '安排退换' }, { label: '顾客退回' }]] },
      { head: '丢件', alternatives: [[{ label: '补发' }]] },
    ]);
    expect(diagram.boxes.filter((box) => box.tone === 'head')).toHaveLength(2);
    expect(diagram.labels.map((label) => label.lines.join(''))).toEqual(['或']);
    const rows = new Set(diagram.boxes.filter((box) => box.tone !== 'head').map((box) => box.y));
    expect(rows.size).toBe(3);
  });

  it('fits every diagram inside its own canvas', () => {
    for (const flow of allFlows(defaultShopPolicy)) {
      const diagram = layoutFlow(flow);
      for (const box of diagram.boxes) {
        expect(box.x + box.width, flow.id).toBeLessThanOrEqual(diagram.width);
        expect(box.y + box.height, flow.id).toBeLessThanOrEqual(diagram.height);
      }
    }
  });
});

describe('flows read the shop policy', () => {
  it('draws the configured service flow and ladder, not a copy of the defaults', () => {
    const policy = { ...defaultShopPolicy, flow: ['接待', '处理', '回访'], ladder: ['解释', '退货'] };
    expect(serviceFlowChart(policy).steps.map((step) => step.label)).toEqual(['1. 接待', '2. 处理', '3. 回访']);
    expect(negotiationChart(policy).steps.map((step) => step.label)).toEqual(['1. 解释', '2. 退货']);
  });

  it('keeps the narrow diagrams within a 375 px screen (343 px of content)', () => {
    for (const flow of allFlows(defaultShopPolicy).filter((f) => f.kind === 'chain')) {
      expect(layoutFlow(flow).width, flow.id).toBeLessThanOrEqual(343);
    }
  });
});
