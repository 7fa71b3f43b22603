import type { Deadlines, Ruling } from '../../rules/index.ts';
import type { RulingView } from '../../present/sandbox/index.ts';
import {
  deadlineLabels,
  deadlineText,
  optionsText,
  partyText,
  resolutionText,
  testFeeText,
  transitRiskText,
  yuanText,
} from '../../present/sandbox/index.ts';

interface Props {
  /** The ruling with its rule titles looked up (rulingView). */
  readonly view: RulingView;
  /** Labels of the rows that changed with the last edit (see ruling-changes.ts). */
  readonly changed: ReadonlySet<string>;
}

interface Row {
  readonly label: string;
  readonly value: preact.ComponentChildren;
}

type Titles = RulingView['titles'];

function RuleLink({ id, titles }: { readonly id: string; readonly titles: Titles }) {
  const title = titles[id];
  return (
    <>
      <a href={`/rules/${id}`}>{title ?? id}</a> <code class="rule-id">{id}</code>
    </>
  );
}

function rows(ruling: Ruling, titles: Titles): Row[] {
  const list: Row[] = [
    { label: '结果', value: <strong>{resolutionText(ruling.resolution)}</strong> },
    { label: '支持', value: partyText(ruling.supported) },
    { label: '决定规则', value: <RuleLink id={ruling.decidingRuleId} titles={titles} /> },
  ];
  if (ruling.options) list.push({ label: '买家可选', value: optionsText(ruling.options) });
  if (ruling.freight) {
    list.push(
      { label: '发货运费', value: partyText(ruling.freight.outbound) },
      { label: '退货运费', value: partyText(ruling.freight.return) },
    );
    if (ruling.freight.resend) list.push({ label: '再次发货运费', value: partyText(ruling.freight.resend) });
    if (ruling.freight.sellerPaysAddressDifference) list.push({ label: '退货地址差额运费', value: '卖家' });
    list.push({ label: '运费依据', value: <RuleLink id={ruling.freight.ruleId} titles={titles} /> });
  }
  if (ruling.transitRisk) {
    list.push({ label: '运输风险', value: transitRiskText(ruling.transitRisk) });
    list.push({ label: '风险依据', value: <RuleLink id={ruling.transitRisk.ruleId} titles={titles} /> });
  }
  list.push({ label: '退款金额', value: yuanText(ruling.refundAmount) });
  for (const deduction of ruling.deductions) {
    list.push({ label: '扣除赠品价值', value: <>{yuanText(deduction.amount)}（<RuleLink id={deduction.ruleId} titles={titles} />）</> });
  }
  if (ruling.testFee) list.push({ label: '检测费', value: testFeeText(ruling.testFee) });
  if (ruling.compensationMultiple) list.push({ label: '卖家承诺的赔付', value: `价款的 ${ruling.compensationMultiple} 倍（第十五条）` });
  for (const burden of ruling.burdenOfProof) {
    list.push({ label: `${partyText(burden.party)}举证`, value: <>{burden.matter}（<RuleLink id={burden.ruleId} titles={titles} />）</> });
  }
  return list;
}

function deadlineRows(deadlines: Deadlines): Row[] {
  return (Object.keys(deadlineLabels) as (keyof Deadlines)[])
    .filter((key) => deadlines[key] !== undefined)
    .map((key) => ({ label: deadlineLabels[key], value: deadlineText(deadlines[key]) }));
}

function RowList({ list, changed }: { readonly list: readonly Row[]; readonly changed: ReadonlySet<string> }) {
  return (
    <dl class="ruling-rows">
      {list.map((row) => (
        <div key={row.label} class={changed.has(row.label) ? 'is-changed' : undefined}>
          <dt>
            {row.label}
            {changed.has(row.label) && <span class="changed-tag">已变化</span>}
          </dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The whole ruling: resolution, freight, risk, money, burden of proof and deadlines (Beijing time). */
export function RulingDetails({ view, changed }: Props) {
  const { ruling, titles } = view;
  const deadlines = deadlineRows(ruling.deadlines);
  return (
    <section class="ruling-details" aria-labelledby="ruling-title">
      <h2 id="ruling-title">裁决</h2>
      <RowList list={rows(ruling, titles)} changed={changed} />
      {deadlines.length > 0 && (
        <>
          <h3>期限</h3>
          <RowList list={deadlines} changed={changed} />
        </>
      )}
    </section>
  );
}
