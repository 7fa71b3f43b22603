import { defineRule, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';

const both = ['2025-08-15', 'legacy'] as const;

export const descDisclosedMeta: RuleHead = {
  id: 'R-DESC-DISCLOSED-DEFECT',
  title: '已明示的瑕疵不属于描述不当',
  kind: 'platform',
  area: 'description',
  editions: both,
  decides: true,
};

export const descDisclosedRule = defineRule(descDisclosedMeta, (read: FactReader) => {
  const disclosed = read.fact('issue.disclosedInListing');
  return {
    applies: disclosed,
    note: disclosed ? '该瑕疵已在商品页面明确告知，属于双方约定，不构成描述不当，支持打款卖家。' : '该问题没有在页面上事先告知。',
  };
});

export const descAdLawMeta: RuleHead = {
  id: 'R-DESC-ADLAW',
  title: '违反广告法或使用后才能察觉的描述不当',
  kind: 'platform',
  area: 'description',
  editions: both,
  decides: true,
};

export const descAdLawRule = defineRule(descAdLawMeta, (read: FactReader) => {
  const adLaw = read.fact('issue.adLawViolation');
  const afterUse = read.fact('issue.onlyNoticeableAfterUse');
  const applies = adLaw || afterUse;
  const blocksCore = applies ? read.fact('issue.blocksCoreFunction') : false;
  const why = adLaw ? '商品描述使用了违反广告法的用语' : '描述不当需使用后才能察觉';
  return {
    applies,
    blocksCore,
    note: applies
      ? `${why}，支持退货退款${blocksCore ? '；描述不当导致无法使用核心功能，退货途中风险全部由卖家承担' : ''}。`
      : '描述没有违反广告法，也不是使用后才能察觉的问题。',
  };
});

export const descVisibleMeta: RuleHead = {
  id: 'R-DESC-VISIBLE',
  title: '肉眼可识别的描述不当的举证',
  kind: 'platform',
  area: 'description',
  editions: both,
  decides: true,
};

export const descVisibleRule = defineRule(descVisibleMeta, (read: FactReader) => {
  if (!read.fact('issue.buyerProof')) return { applies: false, note: '买家没有提供初步凭证，描述不当不成立，支持打款卖家。' };
  const rebutted = read.fact('issue.sellerRebuttal');
  return {
    applies: !rebutted,
    note: rebutted ? '卖家作出了平台认可的合理解释，描述不当不成立，支持打款卖家。' : '买家提供了初步凭证，卖家未能合理解释，认定描述不当属实。',
  };
});

export const descInvisibleMeta: RuleHead = {
  id: 'R-DESC-INVISIBLE',
  title: '肉眼不可识别的描述不当',
  kind: 'platform',
  area: 'description',
  editions: both,
  decides: true,
};

export const descInvisibleRule = defineRule(descInvisibleMeta, (read: FactReader) => {
  const visible = read.fact('issue.visible');
  return {
    applies: !visible,
    note: visible ? '描述不当肉眼可识别。' : '描述不当肉眼不可识别，参照质量问题条款分配举证责任。',
  };
});

export const descIntactMeta: RuleHead = {
  id: 'R-DESC-INTACT',
  title: '描述不当与商品完好',
  kind: 'platform',
  area: 'description',
  editions: both,
  decides: true,
};

export const descIntactRule = defineRule(descIntactMeta, (read: FactReader) => {
  const condition = read.fact('goods.condition');
  const intact = condition === 'intact' || condition === 'opened-for-inspection';
  return {
    applies: intact,
    note: intact ? '描述不当肉眼可见且商品完好，支持退货退款。' : '描述不当肉眼可见，但买家已使用并影响商品完好，支持打款卖家。',
  };
});

export const surfaceBurdenMeta: RuleHead = {
  id: 'R-SURFACE-BURDEN',
  title: '表面不一致的举证责任',
  kind: 'platform',
  area: 'description',
  editions: both,
  decides: true,
};

/** `validSigning` comes from R-SIGN-WHO; returns whether the mismatch at signing stands and who had to prove it. */
export const surfaceBurdenRule = defineRule(surfaceBurdenMeta, (read: FactReader, validSigning: boolean) => {
  const confirmation = read.fact('delivery.confirmation');
  const buyerClicked = confirmation === 'buyer-clicked';
  if (!buyerClicked && !validSigning) {
    return {
      applies: true,
      burdenOn: 'seller' as const,
      note: '卖家不能证明按签收规范签收，表面不一致的主张成立。',
    };
  }
  const proof = read.fact('issue.buyerProof');
  const why = buyerClicked ? '买家已点击确认收货，须由买家证明签收时即存在表面不一致' : '签收有效，须由买家证明签收时即存在表面不一致';
  return {
    applies: proof,
    burdenOn: 'buyer' as const,
    note: `${why}；${proof ? '买家提供了有效凭证，主张成立' : '买家无法证明，支持打款卖家'}。`,
  };
});
