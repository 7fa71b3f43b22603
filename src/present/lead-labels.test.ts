import { describe, expect, it } from 'vitest';
import { clipText, editionLabel, leadText, ruleLabel, variantLabel } from './lead-labels.ts';

describe('lead report labels', () => {
  it('names editions and rules in Chinese', () => {
    expect(editionLabel('legacy')).toBe('旧版措辞（示例，非官方文本）');
    expect(editionLabel('2025-08-15')).toBe('2025 年 8 月 15 日修订版');
    expect(ruleLabel('R-7DAY-WINDOW')).toBe('七天无理由退货期限');
  });

  it('turns author-form texts into Chinese for leads', () => {
    expect(leadText('buyer（买家承担）')).toBe('买家承担');
    expect(leadText('refund（退款（买家无需退货））→ returnRefund（退货退款）')).toBe('退款（买家无需退货）→ 退货退款');
    expect(leadText('断言“退货运费为 buyer（买家承担）”是否成立')).toBe('断言“退货运费为 买家承担”是否成立');
    expect(leadText('成立，引擎判定 null（不涉及该段运费）')).toBe('成立，引擎判定 不涉及该段运费');
    expect(leadText('R-SHIP-DEADLINE 发货时限')).toBe('发货时限');
    expect(leadText('2025-09-11 00:00')).toBe('2025-09-11 00:00');
    expect(leadText('第 2 条陈述')).toBe('第 2 条陈述');
    expect(leadText('种子 1：goods=针织盖毯，free=false')).toBe('种子 1');
  });


  it('clips stems and names variants by seed', () => {
    expect(clipText('买家签收后第八天申请七天无理由退货', 8)).toBe('买家签收后第八…');
    expect(clipText('短题干', 8)).toBe('短题干');
    expect(variantLabel('t-ship-late~7')).toBe('变体（种子 7）');
  });
});
