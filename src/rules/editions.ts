/** Policy editions the engine can decide under. */
export type EditionId = '2025-08-15' | 'legacy';

export interface Edition {
  readonly id: EditionId;
  /** Chinese title shown in the UI. */
  readonly title: string;
  /** Effective date (Beijing), or null when the text is undated. */
  readonly effective: string | null;
  readonly description: string;
}

export const CURRENT_EDITION: EditionId = '2025-08-15';

export const editions: readonly Edition[] = [
  {
    id: '2025-08-15',
    title: '2025 年 8 月 15 日修订版',
    effective: '2025-08-15',
    description: '《淘宝平台争议处理规则》现行版本（94 条），本站默认依据。',
  },
  {
    id: 'legacy',
    title: '旧版措辞（示例，非官方文本）',
    effective: null,
    description:
      '依据一份第三方商家合作协议（“米粒生活平台商家合作协议”）转载的旧版争议规则措辞：引用《合同法》，成文于 2021 年前，既无官方出处也无生效日期。只用于比较版本差异，不是淘宝的官方规则文本，不能当作平台规则答复买家；该协议自己附加的条款（如“假一赔三”）不收录。',
  },
];
