import { optionText, type AnswerValue, type AskedField } from '../../quiz/index.ts';
import { answerFromText, answerToText, valueChoices, type GateErrorView } from '../../present/studio/index.ts';
import { GateMessages } from './GateMessages.tsx';
import { CaseSearch, DifficultySelect, TopicChoices, type CasePick } from './StudioInputs.tsx';

export interface Choice {
  readonly id: string;
  readonly label: string;
}

/** Gate errors of one entry whose field starts with `prefix` (`answer`, `options`, …). */
export function Problems({ errors, prefix }: { readonly errors: readonly { field: string; error: GateErrorView }[]; readonly prefix: string }) {
  const mine = errors.filter((entry) => entry.field === prefix || entry.field.startsWith(`${prefix}.`) || entry.field.startsWith(`${prefix}[`));
  return mine.length > 0 ? <GateMessages errors={mine.map((entry) => entry.error)} /> : null;
}

/** What the ruling's `ask` is: a select over every askable field, labelled in Chinese. */
export function AskSelect({ id, value, asks, onChange }: { readonly id: string; readonly value: unknown; readonly asks: readonly Choice[]; readonly onChange: (ask: string) => void }) {
  return (
    <select id={id} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.currentTarget.value)}>
      {typeof value !== 'string' && <option value="">（请选择）</option>}
      {asks.map((ask) => (
        <option key={ask.id} value={ask.id}>
          {ask.label}
        </option>
      ))}
    </select>
  );
}

/**
 * A value of `ask` (an option's value, a claim's `equals`): a select over the field's values where it has a small
 * domain, otherwise text read as YAML would (true/false/null/numbers, times as text).
 */
export function ValueInput({ id, ask, value, onChange, describedBy }: { readonly id: string; readonly ask: unknown; readonly value: unknown; readonly onChange: (value: AnswerValue) => void; readonly describedBy?: string }) {
  const domain = typeof ask === 'string' ? valueChoices(ask) : [];
  if (domain.length > 0) {
    const known = domain.some((candidate) => candidate === value);
    return (
      <select id={id} value={known ? JSON.stringify(value) : ''} aria-describedby={describedBy} onChange={(event) => event.currentTarget.value && onChange(JSON.parse(event.currentTarget.value) as AnswerValue)}>
        {!known && <option value="">{value === undefined || value === '' ? '（请选择）' : `${answerToText(value)}（该项没有这个取值）`}</option>}
        {domain.map((candidate) => (
          <option key={String(candidate)} value={JSON.stringify(candidate)}>
            {candidate === null || typeof candidate === 'boolean' || (ask as string).includes('ecidingRule') || (ask as string).startsWith('sop.yieldsTo:') ? optionText(ask as AskedField, candidate) : `${answerToText(candidate)} · ${optionText(ask as AskedField, candidate)}`}
          </option>
        ))}
      </select>
    );
  }
  return <input id={id} type="text" value={answerToText(value)} aria-describedby={describedBy} onInput={(event) => onChange(answerFromText(event.currentTarget.value))} />;
}

/** A case reference found by title or file name (the case editor's related-case search). */
export function CasePicker({ id, value, cases, onPick }: { readonly id: string; readonly value: string; readonly cases: readonly CasePick[]; readonly onPick: (slug: string) => void }) {
  const current = cases.find((item) => item.slug === value);
  return (
    <div class="field case-picker">
      <p>
        情景取自案例：
        {value ? (
          <>
            <strong>{current?.title ?? '（没有这个案例）'}</strong> <code>{value}</code>{' '}
            <a href={`/lead/studio/case?path=${encodeURIComponent(`cases/${value}.mdx`)}`}>打开案例</a>
          </>
        ) : (
          '（还没选）'
        )}
      </p>
      <label for={id}>查找案例</label>
      <CaseSearch id={id} cases={cases} isOffered={(slug) => slug !== value} verb="选用" hints={{ idle: '输入关键词查找案例。', found: '按“选用”换成它。' }} onPick={onPick} />
    </div>
  );
}

/** Id, stem, topics, difficulty, exam-only flag: what every item and template has. */
export function CommonFields(props: {
  readonly prefix: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly topics: readonly Choice[];
  readonly isTemplate: boolean;
  readonly errors: readonly { field: string; error: GateErrorView }[];
  readonly onSet: (path: readonly (string | number)[], value: unknown) => void;
}) {
  const { prefix, data, topics, isTemplate, errors, onSet } = props;
  const chosen = Array.isArray(data.topics) ? (data.topics as string[]) : [];
  return (
    <>
      <div class="field">
        <label for={`${prefix}-id`}>编号</label>
        <input id={`${prefix}-id`} type="text" value={String(data.id ?? '')} spellcheck={false} aria-describedby={`${prefix}-id-hint`} onInput={(event) => onSet(['id'], event.currentTarget.value)} />
        <p class="field-hint" id={`${prefix}-id-hint`}>
          {isTemplate ? '以 t- 开头，小写英文、数字和连字符；变体编号为“模板编号~种子”。' : '小写英文、数字和连字符。作答记录按编号保存，发布后不要改。'}
        </p>
        <Problems errors={errors} prefix="id" />
      </div>
      <div class="field">
        <label for={`${prefix}-stem`}>题干</label>
        <textarea id={`${prefix}-stem`} rows={3} value={String(data.stem ?? '')} onInput={(event) => onSet(['stem'], event.currentTarget.value)} />
        {isTemplate && <p class="field-hint">用 {'{{参数名}}'} 插入抽到的取值。</p>}
        <Problems errors={errors} prefix="stem" />
      </div>
      <TopicChoices topics={topics} chosen={chosen} onChange={(topics) => onSet(['topics'], topics)} problems={<Problems errors={errors} prefix="topics" />} />
      <div class="meta-pair">
        <DifficultySelect id={`${prefix}-difficulty`} value={data.difficulty} onChange={(difficulty) => onSet(['difficulty'], difficulty)} />
        <div class="field">
          <label class="choice exam-only">
            <input type="checkbox" checked={data.exam === true} onChange={(event) => onSet(['exam'], event.currentTarget.checked ? true : 'exam' in data ? false : undefined)} />
            仅用于认证考试
          </label>
          <p class="field-hint">勾选后{isTemplate ? '变体' : '这道题'}不会出现在练习、静态页面或搜索中。</p>
        </div>
      </div>
    </>
  );
}
