import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/logistics.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopLogisticsTexts: RuleTexts = {
  'SOP-COURIER-DAMAGE': {
    statement: '运输途中快递造成的破损，让买家拒签并联系客服；客服备注，商品退回后重新发出，并向快递公司追责。',
    sources: [
      citeSecondary(seedDocuments.workflow, '1:客户联系（第三种 快递原因）', '这类问题的解决方法是让客户拒签。'),
      citeSecondary(
        seedDocuments.workflow,
        '1:客户联系（第三种 快递原因）',
        '我们这边收到客户的说明后需要给客户备注,等商品退回后我们会给客户从新发出,由于快递原因造成的质量问题我们这边会追究快递公司责任。',
      ),
    ],
  },
  'SOP-LOGISTICS-EXCEPTIONS': {
    statement: '地址无法到达或疑难件，与快递协商转发 EMS 或退回重发；送错地址、丢件、破包视情况补发，并备注、下架留货。',
    sources: [
      citeSecondary(
        seedDocuments.techniques,
        '二、售后物流问题',
        '2.与快递进展沟通,并回复买家:A.是因地址快递无法到达,及疑难件,与快递协商转发EMS,或退回重发并备注。',
      ),
      citeSecondary(seedDocuments.techniques, '二、售后物流问题', 'B.快递送错地址或丧失,破包,视情况为买家进展补发,并备注及提交下架留货。'),
    ],
  },
  'SOP-IN-TRANSIT-REFUND': {
    statement: '快递在途时买家申请退款，可以劝买家等待送达；买家坚持不要的，联系快递拦截退回并退款。',
    sources: [
      citeSecondary(
        seedDocuments.emergencyPlan,
        '二、退換貨應急處理方案 1、只有退款',
        '也有的是快遞正在途中,但是消費者就提出退款申請,這種情況,客服可以聯系消費者,說服消費者等待快遞送達,如果消費者實在不想要,那么就需要聯系物流,選擇退回。',
      ),
    ],
  },
};
