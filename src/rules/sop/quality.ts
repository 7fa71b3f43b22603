import { addHours } from '../beijing-time.ts';
import { isProductProblem } from './scope.ts';
import { defineSopRule, guide, sopMeta } from './sop-rule.ts';
import { at } from './wording.ts';

const PHOTO_ID = 'SOP-QUALITY-PHOTO';

export const qualityPhotoRule = defineSopRule({
  meta: sopMeta({
    id: PHOTO_ID,
    title: '质量问题先拍照再寄回',
  }),
  stage: 'verify',
  isRelevant: (situation) => isProductProblem(situation.reason),
  irrelevantNote: '买家申请的不是质量问题或描述不符，不需要先拍照确认。',
  evaluate: (read, situation) => {
    const hasPhotos = read.optional('issue.buyerProof') === true;
    const photos = hasPhotos ? '买家已提供照片：审核后' : '先请买家拍照（旺旺发送或发到邮箱），审核照片后';
    const steps = `质量问题的退换货：${photos}在订单插旗备注问题（例如“商品过期”），再把退货地址发给买家；照片确认前不要让买家寄回。`;
    if (read.optional('issue.visible') === false) {
      // An invisible defect cannot be photographed; the platform then asks the seller for its supply documents first.
      const winner = situation.reason === 'misdescribed' ? 'R-DESC-INVISIBLE' : 'R-QUAL-INVISIBLE-OR-FAKE';
      return guide(
        PHOTO_ID,
        `问题肉眼不可见，照片证明不了，平台规则 ${winner} 优先。`,
        `${steps}但本案问题肉眼看不出来，照片无法证明：不能以买家没有照片为由拒绝，按平台规则（${winner}）先由本店提供进货凭证、合格证等来源凭证。`,
        winner,
        { photosFirst: false },
      );
    }
    return guide(PHOTO_ID, hasPhotos ? '买家已提供照片，审核后备注并给退货地址。' : '须先请买家拍照确认质量问题。', steps, undefined, { photosFirst: true });
  },
});

const TRIAGE_ID = 'SOP-QUALITY-3DAY';

export const qualityTriageRule = defineSopRule({
  meta: sopMeta({
    id: TRIAGE_ID,
    title: '服装质量问题三天分流',
  }),
  stage: 'verify',
  isRelevant: (situation, lookup) => situation.reason === 'quality' && lookup('delivery.status') === 'signed',
  irrelevantNote: '本案不是签收后的质量问题申请，不走质量问题分流。',
  evaluate: (read) => {
    const signedAt = read.fact('delivery.signedAt');
    const claimAt = read.fact('claim.at');
    const condition = read.optional('goods.condition');
    const { qualityTriageDays } = read.shopPolicy.windows;
    const approver = read.shopPolicy.compensation.minorQualityApprover;
    const triageEnd = addHours(signedAt, qualityTriageDays * 24);
    if (condition === 'damaged-by-buyer') {
      return guide(
        TRIAGE_ID,
        '损坏由买家造成，按本店“客户责任”分流。',
        '买家自己造成的损坏：原则上不退换，但要尽量处理好，避免中差评和客户流失。',
        undefined,
        { route: 'customer-fault', triageEnd },
      );
    }
    if (claimAt >= triageEnd) {
      return guide(
        TRIAGE_ID,
        `签收已超过 ${qualityTriageDays} 天（${at(triageEnd)} 截止），这只是本店分流，平台对质量问题没有此时限。`,
        `本店把签收后 ${qualityTriageDays} 天（本案到 ${at(triageEnd)}）作为质量问题分流线：超过的先协商补偿，买家不同意再请示${approver}。但这只是本店内部分流，平台和法律对质量问题没有 ${qualityTriageDays} 天时限：买家举证后按平台质量问题规则（R-QUAL-VISIBLE）处理，不能以超过 ${qualityTriageDays} 天为由拒绝。`,
        'R-QUAL-VISIBLE',
        { route: 'negotiate', triageEnd },
      );
    }
    if (condition === 'used') {
      return guide(
        TRIAGE_ID,
        '已穿着后发现质量问题，按本店流程协商补偿。',
        `已穿着后发现的质量问题：协商补偿，买家不同意再请示${approver}；质量问题是否成立仍按平台规则判断。`,
        undefined,
        { route: 'negotiate', triageEnd },
      );
    }
    return guide(
      TRIAGE_ID,
      `签收 ${qualityTriageDays} 天内且未穿着，按常规流程处理。`,
      `签收 ${qualityTriageDays} 天内且无穿着痕迹（本案到 ${at(triageEnd)} 为止）：请买家上传照片，核实后正常处理——退换，或买家自行修补、本店承担一定费用，或给一定折扣补偿；买家不配合拍照的，可请买家寄回，由仓库核实。`,
      undefined,
      { route: 'normal', triageEnd },
    );
  },
});
