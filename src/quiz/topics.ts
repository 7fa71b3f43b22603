/** Topics a case or item can be filed under; ids are permanent, labels are what learners see. */
export const topics = {
  'not-received': '未收到货',
  'lost-parcel': '丢件',
  'missing-items': '少发',
  'wrong-item': '错发',
  quality: '质量问题',
  misdescribed: '描述不当',
  'seven-day': '七天无理由',
  refusal: '拒签',
  intercept: '拦截',
  'address-change': '改地址',
  'cash-on-delivery': '到付',
  'self-pickup': '自提',
  'proxy-signing': '代签与驿站',
  gift: '赠品',
  counterfeit: '假货',
  'fake-transaction': '虚假交易',
  'test-fee': '检测费',
  'late-shipment': '延迟发货',
  exchange: '换货',
  resend: '补寄',
  'partial-refund': '折价补偿',
  freight: '运费承担',
  'transit-risk': '运输风险',
  'shop-sop': '本店规范',
  edition: '版本差异',
} as const;

export type TopicId = keyof typeof topics;
export const topicIds = Object.keys(topics) as TopicId[];

export const difficulties = { 1: '入门', 2: '进阶', 3: '疑难' } as const;
export type Difficulty = keyof typeof difficulties;
