import type { ImpactReport } from '../../authoring/index.ts';
import type { CertificateSection } from './certificates.ts';
import { textTable } from './text-table.ts';

export const authorKeyText = { before: '与旧答案一致', after: '与新答案一致', neither: '两者都不一致', 'not-stated': '未填写' } as const;

const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const list = (values: readonly string[]) => (values.length === 0 ? '—' : values.join('、'));

/** The one-line summary the CLI ends with (and prints alone when nothing flips). */
export function summaryLine(report: ImpactReport & { readonly certificates: CertificateSection }): string {
  const { totals, checked } = report;
  const head = `政策影响 ${report.from.id} → ${report.to.id}：`;
  const certificates =
    report.certificates.status === 'no-data'
      ? `数据目录 ${report.certificates.dataDir} 不存在，未检查证书`
      : `${report.certificates.needs.length} 张证书需重新认证（在旧版本下取得的有效证书共 ${report.certificates.standing} 张；全部有效证书按版本：${
          report.certificates.standingByEdition.map(({ edition, count }) => `${edition} ${count} 张`).join('、') || '无'
        }）`;
  if (!report.hasFlips) {
    return `${head}检查了 ${checked.cases} 个案例、${checked.items} 道题、${checked.templates} 个模板（${checked.variants} 个变体）、${checked.exams} 套考试，没有答案改变；${certificates}。`;
  }
  return (
    `${head}${totals.cases} 个案例（${totals.caseFlips} 处）、${totals.items} 道题（${totals.itemFlips} 处）、` +
    `${totals.templates} 个模板（${totals.variantFlips} 个变体）答案改变；涉及 ${report.changedRules.filter((rule) => rule.flips > 0).length} 条规则；` +
    `${totals.blueprints} 套考试的题池受影响；${certificates}。`
  );
}

/** The readable report: one table per content kind, then rules, exams and certificates, then the summary line. */
export function formatReport(report: ImpactReport & { readonly certificates: CertificateSection }): string {
  const sections: string[] = [`政策影响报告：${report.from.id}（${report.from.title}）→ ${report.to.id}（${report.to.title}）`];
  if (report.cases.length > 0) {
    sections.push(
      textTable(
        `案例（${report.totals.cases} 个，${report.totals.caseFlips} 处改变）`,
        ['案例', '版本', '问题', '旧答案', '新答案', '原因规则', '作者答案'],
        report.cases.map((flip) => [flip.contentId, flip.declaredEdition, flip.questionText, flip.beforeText, flip.afterText, flip.ruleId, authorKeyText[flip.authorKey]]),
      ),
    );
  }
  if (report.items.length > 0) {
    sections.push(
      textTable(
        `题目（${report.totals.items} 道，${report.totals.itemFlips} 处改变）`,
        ['题目', '位置', '版本', '问题', '旧答案', '新答案', '原因规则', '备注'],
        report.items.map((flip) => [
          flip.contentId,
          flip.detail ?? '题干',
          flip.declaredEdition,
          flip.questionText,
          flip.beforeText,
          flip.afterText,
          flip.ruleId,
          flip.noOption ? '新答案没有对应选项，题目需修改' : '',
        ]),
      ),
    );
  }
  if (report.templates.length > 0) {
    sections.push(
      textTable(
        `模板（${report.totals.templates} 个，${report.totals.variantFlips} 个变体改变）`,
        ['模板', '改变/检查的变体', '题库种子', '原因规则', '示例'],
        report.templates.map((impact) => {
          const example = impact.examples[0]!;
          return [
            impact.templateId,
            `${impact.variantsFlipped}/${impact.variantsChecked}`,
            impact.bankSeedsFlipped.length === 0 ? '—' : impact.bankSeedsFlipped.join('、'),
            impact.rules.map((rule) => `${rule.ruleId}×${rule.flips}`).join('、'),
            `${example.detail ?? ''}：${example.questionText} ${example.beforeText} → ${example.afterText}`,
          ];
        }),
      ),
    );
  }
  if (report.changedRules.length > 0) {
    sections.push(
      textTable(
        '改变的规则',
        ['规则', '名称', '改变的答案', '版本说明'],
        report.changedRules.map((rule) => [rule.ruleId, rule.title, String(rule.flips), rule.declared ? '有版本差异' : '—']),
      ),
    );
  }
  if (report.blueprints.length > 0 && report.hasFlips) {
    sections.push(
      textTable(
        '考试',
        ['考试', '题池', '改变的题目', '改变的模板', '涉及的改变规则', '能否组卷'],
        report.blueprints.map((blueprint) => [
          blueprint.examId,
          String(blueprint.poolSize),
          list(blueprint.flippedItems),
          list(blueprint.flippedTemplates),
          list(blueprint.changedRules),
          blueprint.fillable ? '能' : '不能：需补题',
        ]),
      ),
    );
  }
  const certificates = report.certificates;
  if (certificates.status === 'read' && certificates.needs.length > 0) {
    sections.push(
      textTable(
        `需重新认证的证书（${certificates.needs.length} 张）`,
        ['持证人', '班组', '考试', '发证日期', '版本', '涉及的改变规则', '证书编号'],
        certificates.needs.map((need) => [need.holder, need.cohort ?? '—', need.examId, beijingDate(need.issuedAt), need.edition, list(need.rules), need.id]),
      ),
    );
  }
  sections.push(summaryLine(report));
  return sections.join('\n\n');
}
