import '../sandbox/zod-jitless.ts';
import { useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { EditionId, ShopPolicy } from '../../rules/index.ts';
import { optionText, type AskedField, type ScenarioContext } from '../../quiz/index.ts';
import { factFormModel, factsFromDraft, factsToYaml, type Draft } from '../../present/sandbox/index.ts';
import {
  engineAnswer,
  engineValueText,
  entryKind,
  MAX_PREVIEW_SEEDS,
  placeQuestionErrors,
  previewRawTemplate,
  questionFormReducer,
  questionFormState,
  questionKindLabels,
  questionModel,
  suggestedDistractors,
  withMergesApplied,
  type FieldPath,
  type GateErrorView,
  type QuestionEntry,
  type QuestionKind,
  type QuestionList,
} from '../../present/studio/index.ts';
import { mergePatch } from '../../rules/index.ts';
import { FactsForm } from '../sandbox/FactsForm.tsx';
import { DraftOffer } from './DraftNotice.tsx';
import { GateMessages } from './GateMessages.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { AskSelect, CasePicker, CommonFields, Problems, ValueInput, type Choice } from './QuestionFields.tsx';
import { EditionSelect } from './StudioInputs.tsx';
import { useDraftAutosave, type RestoredDraft } from './use-draft-autosave.ts';
import { useStudioSave } from './use-studio-save.ts';
import { SavePanel } from './SavePanel.tsx';

export interface QuestionCase {
  readonly slug: string;
  readonly title: string;
  readonly facts: unknown;
  readonly edition: EditionId;
}

interface Props {
  /** `questions/<name>.yaml` */
  readonly path: string;
  /** The file's version, null for a new file. */
  readonly version: string | null;
  readonly model: { readonly data: unknown };
  /** Every case with its facts, so items built on a case are keyed in the browser as the gate keys them. */
  readonly cases: readonly QuestionCase[];
  readonly topics: readonly Choice[];
  readonly asks: readonly Choice[];
  readonly editions: readonly { readonly id: EditionId; readonly label: string }[];
  /** CONTENT_DIR's policy/shop.json. */
  readonly shopPolicy: ShopPolicy;
  readonly publish: { readonly available: boolean; readonly reason: string | null };
  /** How many seeds each template previews at first. */
  readonly seeds: number;
}

const form = factFormModel();
const reducer = questionFormReducer(form);
/** Where the gate's errors are shown, in the check line and a refusal. */
const ERRORS_PLACE = '对应的题目和位置';
/** What leaving a scenario's or template's edition out means. */
const EDITION_UNSET = '不写（现行版本，或案例的版本）';
const KINDS = Object.keys(questionKindLabels) as QuestionKind[];

type EntryErrors = readonly { field: string; error: GateErrorView }[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The question editor: the items and templates of one question file as forms, one per item type, with the engine's
 * key computed live (the gate's own function), near-miss distractors one click away, template seeds previewed with
 * their keys, the gate's messages at the fields, and saves through the content service. State lives in the pure
 * reducer (src/present/studio/question-form.ts); this component renders it and talks to /api/studio.
 */
export default function QuestionEditor(props: Props) {
  const caseMap = useMemo(() => new Map(props.cases.map((entry) => [entry.slug, entry])), [props.cases]);
  const context: ScenarioContext = useMemo(() => ({ shopPolicy: props.shopPolicy, caseFacts: (slug) => caseMap.get(slug) }), [props.shopPolicy, caseMap]);
  const [state, dispatch] = useReducer(reducer, null, () => questionFormState({ path: props.path, version: props.version, model: props.model }, context));
  const [addKind, setAddKind] = useState<QuestionKind>('single');
  const keys = useRef(new WeakMap<object, ReturnType<typeof engineAnswer>>());
  const keyOf = (entry: QuestionEntry) => {
    let key = keys.current.get(entry.data);
    if (!key) keys.current.set(entry.data, (key = engineAnswer(entry.data, context)));
    return key;
  };

  const model = questionModel(state, context, keyOf);
  const drafts = useDraftAutosave({ path: state.path, baseVersion: state.baseVersion, payload: { model }, isEnabled: true });
  const studio = useStudioSave({
    path: state.path,
    model,
    // A new file with nothing in it yet has nothing to check.
    isCheckable: !(state.isNew && state.items.length === 0 && state.templates.length === 0),
    openedVersion: props.version,
    errorsPlace: ERRORS_PLACE,
    drafts,
    onSaved: (version) => {
      dispatch({ type: 'saved', version });
      const url = new URL(globalThis.location.href);
      url.searchParams.delete('new');
      globalThis.history.replaceState(null, '', url);
    },
  });
  const { check, setSave, savedCount } = studio;

  /** Loads a draft (or an older revision) into the form; saving it is an ordinary save from `baseVersion`. */
  const loadModel = (loaded: Pick<RestoredDraft, 'model'>, baseVersion: string | null) => {
    if (!loaded.model || loaded.model.kind !== 'question') return false;
    dispatch({ type: 'replace', state: questionFormState({ path: state.path, version: baseVersion, model: loaded.model }, context) });
    setSave({ kind: 'idle' });
    return true;
  };
  const placed = placeQuestionErrors(check.kind === 'done' ? check.errors : [], state.path);


  const selectedList = state.selected?.list;
  const entries = selectedList === 'templates' ? state.templates : state.items;
  const selectedIndex = entries.findIndex((entry) => entry.uid === state.selected?.uid);
  const selected = selectedIndex >= 0 ? entries[selectedIndex] : undefined;
  const nextId = (kind: QuestionKind) => {
    const stem = state.path.replace(/^questions\//, '').replace(/\.yaml$/, '');
    const used = new Set([...state.items, ...state.templates].map((entry) => entry.data.id));
    const prefix = kind.startsWith('template-') ? `t-${stem}` : stem;
    let n = 1;
    while (used.has(`${prefix}-${String(n).padStart(2, '0')}`)) n++;
    return `${prefix}-${String(n).padStart(2, '0')}`;
  };

  const listRow = (list: QuestionList, entry: QuestionEntry, index: number) => {
    const errors = placed.entries.get(`${list}:${index}`)?.length ?? 0;
    const key = list === 'items' ? keyOf(entry) : undefined;
    const isSelected = state.selected?.uid === entry.uid;
    return (
      <li key={entry.uid} class={isSelected ? 'current' : undefined}>
        <button type="button" class="link-button entry-pick" aria-current={isSelected ? 'true' : undefined} onClick={() => dispatch({ type: 'select', list, uid: entry.uid })}>
          <code>{String(entry.data.id ?? '（无编号）')}</code>
        </button>{' '}
        <span class="muted">{questionKindLabels[entryKind(list, entry.data)]}</span>
        {entry.data.exam === true && <strong class="exam-flag"> 仅考试</strong>}
        {key && ('problem' in key ? <span class="field-error"> 答案未定</span> : null)}
        {errors > 0 && <span class="field-error"> {errors} 处问题</span>}
      </li>
    );
  };

  return (
    <div class="sandbox studio-editor question-form-editor">
      <DraftOffer
        drafts={drafts}
        onRestore={(draft) => {
          if (!loadModel(draft, draft.baseVersion)) setSave({ kind: 'error', message: '草稿无法读成表单，没有载入。请在“高级”里查看。' });
        }}
      />
      <p>
        文件 <code>content/{state.path}</code>
      </p>
      <div class="studio-columns">
        <div class="studio-main">
          <nav class="studio-panel entry-list" aria-labelledby="entry-list-title">
            <h2 id="entry-list-title">本文件的题目（{state.items.length}）与模板（{state.templates.length}）</h2>
            {state.items.length > 0 && <ol>{state.items.map((entry, index) => listRow('items', entry, index))}</ol>}
            {state.templates.length > 0 && (
              <>
                <h3>模板</h3>
                <ol>{state.templates.map((entry, index) => listRow('templates', entry, index))}</ol>
              </>
            )}
            <div class="entry-add">
              <label for="add-kind">新增</label>
              <select id="add-kind" value={addKind} onChange={(event) => setAddKind(event.currentTarget.value as QuestionKind)}>
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {questionKindLabels[kind]}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => dispatch({ type: 'add', kind: addKind, id: nextId(addKind) })}>
                添加
              </button>
            </div>
          </nav>
          {selected && selectedList ? (
            <EntryForm
              key={selected.uid}
              list={selectedList}
              entry={selected}
              index={selectedIndex}
              count={entries.length}
              engine={selectedList === 'items' ? keyOf(selected) : undefined}
              errors={placed.entries.get(`${selectedList}:${selectedIndex}`) ?? []}
              context={context}
              cases={props.cases}
              caseMap={caseMap}
              topics={props.topics}
              asks={props.asks}
              editions={props.editions}
              seeds={props.seeds}
              factsDraft={state.facts?.uid === selected.uid ? state.facts : null}
              dispatch={dispatch}
            />
          ) : (
            <p class="studio-panel">这个文件还没有题目。在上面选择题型后按“添加”。</p>
          )}
        </div>
        <aside class="studio-side" aria-label="内容检查与保存">
          <SavePanel
            studio={studio}
            drafts={drafts}
            path={state.path}
            baseVersion={state.baseVersion}
            onSave={(baseVersion) => void studio.saveFrom(baseVersion)}
            onRebase={(version) => dispatch({ type: 'rebase', version })}
            latestHref={`/lead/studio/questions?path=${encodeURIComponent(state.path)}`}
            errorsPlace={ERRORS_PLACE}
            idleText=""
            otherErrors={placed.other}
            otherLead="这些问题不在某一道题的表单里："
          />
          <PublishPanel publish={props.publish} path={state.isNew ? null : state.path} savedCount={savedCount} />
          <HistoryPanel
            path={state.isNew ? null : state.path}
            savedCount={savedCount}
            onRestore={(revision) => {
              // The save still names the version this editor started from: a newer save by someone else is a conflict.
              if (!loadModel(revision, state.baseVersion)) setSave({ kind: 'error', message: '这个版本无法读成表单，没有载入。' });
            }}
          />
        </aside>
      </div>
    </div>
  );
}

interface EntryProps {
  readonly list: QuestionList;
  readonly entry: QuestionEntry;
  readonly index: number;
  readonly count: number;
  readonly engine: ReturnType<typeof engineAnswer> | undefined;
  readonly errors: EntryErrors;
  readonly context: ScenarioContext;
  readonly cases: readonly QuestionCase[];
  readonly caseMap: ReadonlyMap<string, QuestionCase>;
  readonly topics: readonly Choice[];
  readonly asks: readonly Choice[];
  readonly editions: readonly { readonly id: EditionId; readonly label: string }[];
  readonly seeds: number;
  readonly factsDraft: { readonly draft: Draft; readonly unknownPaths: readonly string[] } | null;
  readonly dispatch: (action: Parameters<typeof reducer>[1]) => void;
}

const GROUPS = ['id', 'stem', 'topics', 'difficulty', 'exam', 'scenario', 'ask', 'options', 'answer', 'claim', 'labels', 'statements', 'sequence', 'params', 'facts', 'edition', 'explanation'];

/** One item or template as a form of the fields its type has. */
function EntryForm(props: EntryProps) {
  const { list, entry, index, count, errors, dispatch } = props;
  const { data } = entry;
  const kind = entryKind(list, data);
  const prefix = `q${entry.uid}`;
  const set = (path: FieldPath, value: unknown) => dispatch({ type: 'set', list, uid: entry.uid, path, value });
  const unplaced = errors.filter((error) => !GROUPS.includes(error.field.split(/[.[]/)[0] ?? ''));
  return (
    <section class="studio-panel entry-form" aria-labelledby={`${prefix}-title`} data-entry={String(data.id ?? '')}>
      <h2 id={`${prefix}-title`}>
        {questionKindLabels[kind]} <code>{String(data.id ?? '')}</code>
      </h2>
      <div class="entry-actions">
        <button type="button" disabled={index === 0} onClick={() => dispatch({ type: 'move', list, uid: entry.uid, by: -1 })}>
          上移
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => dispatch({ type: 'move', list, uid: entry.uid, by: 1 })}>
          下移
        </button>
        <button type="button" onClick={() => dispatch({ type: 'duplicate', list, uid: entry.uid })}>
          复制
        </button>
        <button type="button" onClick={() => globalThis.confirm(`删除 ${String(data.id ?? '这道题')}？保存后才会写入文件。`) && dispatch({ type: 'remove', list, uid: entry.uid })}>
          删除
        </button>
      </div>
      {unplaced.length > 0 && <GateMessages errors={unplaced.map((error) => error.error)} withLocation />}
      <CommonFields prefix={prefix} data={data} topics={props.topics} isTemplate={list === 'templates'} errors={errors} onSet={set} />
      {list === 'items' && kind !== 'ordering' && <ScenarioFields {...props} set={set} />}
      {kind === 'single' && <ValueOptions {...props} set={set} />}
      {kind === 'reply' && <ReplyOptions {...props} set={set} />}
      {kind === 'multiple' && <Statements {...props} set={set} />}
      {(kind === 'truefalse' || kind === 'template-truefalse') && <ClaimFields {...props} set={set} />}
      {kind === 'ordering' && <OrderingFields {...props} set={set} />}
      {list === 'items' && <KeyPanel {...props} />}
      {list === 'templates' && <TemplateFields {...props} set={set} />}
      <div class="field">
        <label for={`${prefix}-explanation`}>讲解（可不写）</label>
        <textarea id={`${prefix}-explanation`} rows={2} value={String(data.explanation ?? '')} onInput={(event) => set(['explanation'], event.currentTarget.value || undefined)} />
        <p class="field-hint">作答后与引擎的规则链一起显示。</p>
        <Problems errors={errors} prefix="explanation" />
      </div>
    </section>
  );
}

type FieldProps = EntryProps & { readonly set: (path: FieldPath, value: unknown) => void };

/** Where the facts come from: a case (searchable) with changes on top, or written in full; edited with the sandbox's form. */
function ScenarioFields({ entry, errors, cases, caseMap, editions, factsDraft, dispatch, set }: FieldProps) {
  const prefix = `q${entry.uid}`;
  const scenario = isRecord(entry.data.scenario) ? entry.data.scenario : {};
  const caseSlug = typeof scenario.case === 'string' ? scenario.case : undefined;
  const base = caseSlug !== undefined ? caseMap.get(caseSlug)?.facts : undefined;
  const merged = withMergesApplied(scenario) as Record<string, unknown>;
  let facts: unknown;
  try {
    facts = caseSlug !== undefined ? mergePatch(base, merged.patch) : merged.facts;
  } catch {
    facts = undefined;
  }
  const toFacts = () => set(['scenario'], { facts: facts ?? {}, ...(scenario.edition ? { edition: scenario.edition } : {}) });
  const toCase = () => set(['scenario'], { case: '', ...(scenario.edition ? { edition: scenario.edition } : {}) });
  return (
    <fieldset class="field scenario-fields">
      <legend>情景</legend>
      <div class="choices">
        <label class="choice">
          <input type="radio" name={`${prefix}-scenario`} checked={caseSlug !== undefined} onChange={toCase} />
          以案例为基础（可改几个事实）
        </label>
        <label class="choice">
          <input type="radio" name={`${prefix}-scenario`} checked={caseSlug === undefined} onChange={toFacts} />
          写出完整事实
        </label>
      </div>
      {caseSlug !== undefined && <CasePicker id={`${prefix}-case`} value={caseSlug} cases={cases} onPick={(slug) => set(['scenario', 'case'], slug)} />}
      <EditionSelect id={`${prefix}-edition`} value={scenario.edition} editions={editions} unsetLabel={EDITION_UNSET} onChange={(edition) => set(['scenario', 'edition'], edition)} />
      {factsDraft ? (
        <div class="question-facts">
          {factsDraft.unknownPaths.length > 0 && <p class="sandbox-notice">表单不认识这些事实，用表单修改后会丢掉：<code>{factsDraft.unknownPaths.join('、')}</code>。</p>}
          <FactsForm
            model={form}
            draft={factsDraft.draft}
            errors={new Map(factsFromDraft(form, factsDraft.draft).errors.map((error) => [error.path, error.message]))}
            onText={(path, text) => dispatch({ type: 'fact', path, text, base })}
            onSection={(path, isPresent) => dispatch({ type: 'factSection', path, isPresent, base })}
          />
          {caseSlug !== undefined && <p class="field-hint">与案例不同的事实会写成 patch，其余沿用案例。</p>}
        </div>
      ) : (
        <>
          {isRecord(facts) && <pre class="facts-yaml">{factsToYaml(facts)}</pre>}
          <button type="button" onClick={() => dispatch({ type: 'openFacts', uid: entry.uid, base })} disabled={caseSlug !== undefined && base === undefined}>
            用表单编辑事实
          </button>
        </>
      )}
      <Problems errors={errors} prefix="scenario" />
    </fieldset>
  );
}

/** The engine's key, live; or the author's override of it, marked where it disagrees. */
function KeyPanel({ entry, engine, errors, dispatch, context }: EntryProps) {
  const prefix = `q${entry.uid}`;
  const kind = entryKind('items', entry.data);
  const override = entry.answerMode === 'override';
  const written = entry.data.answer;
  const disagrees = engine !== undefined && 'answer' in engine && JSON.stringify(engine.answer) !== JSON.stringify(written);
  const options = kind === 'multiple' ? asList(entry.data.statements) : asList(entry.data.options);
  const value = kind === 'single' && engine !== undefined && 'problem' in engine ? engineValueText(withMergesApplied(entry.data) as Record<string, unknown>, context) : undefined;
  return (
    <div class={`field key-panel${override && disagrees ? ' has-error' : ''}`} data-key-panel>
      <p class="engine-key" aria-live="polite" data-engine-key>
        {engine === undefined ? '' : 'problem' in engine ? (value === undefined ? `引擎还不能判定答案：${engine.problem}` : `引擎判定的答案：${value}`) : `引擎判定的答案：${engine.text}`}
      </p>
      {engine !== undefined && 'problem' in engine && value !== undefined && <p class="field-hint">{engine.problem}</p>}
      {engine !== undefined && 'rules' in engine && engine.rules.length > 0 && (
        <p class="field-hint">
          这个情景的裁决由此规则决定：
          {engine.rules.map((rule, n) => (
            <span key={rule.id}>
              {n > 0 && '、'}
              <a href={`/rules/${rule.id}`}>
                {rule.title}（{rule.id}）
              </a>
            </span>
          ))}
        </p>
      )}
      {kind !== 'ordering' && (
        <label class="choice">
          <input type="checkbox" checked={override} onChange={(event) => dispatch({ type: 'answerMode', uid: entry.uid, mode: event.currentTarget.checked ? 'override' : 'engine' })} />
          自定答案（不跟随引擎；保存前由内容检查核对）
        </label>
      )}
      {override && (kind === 'single' || kind === 'reply') && (
        <div class="field">
          <label for={`${prefix}-answer`}>作者认为正确的选项</label>
          <select id={`${prefix}-answer`} value={String(written ?? 0)} onChange={(event) => dispatchAnswer(dispatch, entry, Number(event.currentTarget.value))}>
            {options.map((option, n) => (
              <option key={n} value={String(n)}>
                {n + 1}. {isRecord(option) ? String(option.text ?? '') : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {override && kind === 'truefalse' && (
        <div class="field">
          <label for={`${prefix}-answer`}>作者认为断言</label>
          <select id={`${prefix}-answer`} value={String(written === true)} onChange={(event) => dispatchAnswer(dispatch, entry, event.currentTarget.value === 'true')}>
            <option value="true">成立</option>
            <option value="false">不成立</option>
          </select>
        </div>
      )}
      {override && kind === 'multiple' && (
        <fieldset class="field">
          <legend>作者认为正确的陈述</legend>
          {options.map((statement, n) => (
            <label key={n} class="choice">
              <input
                type="checkbox"
                checked={asList(written).includes(n)}
                onChange={(event) => dispatchAnswer(dispatch, entry, event.currentTarget.checked ? [...asList(written), n].sort() : asList(written).filter((other) => other !== n))}
              />
              {n + 1}. {isRecord(statement) ? String(statement.text ?? '') : ''}
            </label>
          ))}
        </fieldset>
      )}
      {override && disagrees && <p class="field-error">你的答案与引擎不同。</p>}
      <Problems errors={errors} prefix="answer" />
    </div>
  );
}

function dispatchAnswer(dispatch: EntryProps['dispatch'], entry: QuestionEntry, answer: unknown) {
  dispatch({ type: 'set', list: 'items', uid: entry.uid, path: ['answer'], value: answer });
}

/** A value single-choice item: the ruling field asked, the options (value and text) and the engine's suggestions. */
function ValueOptions({ entry, errors, asks, context, set }: FieldProps) {
  const prefix = `q${entry.uid}`;
  const { data } = entry;
  const ask = data.ask as AskedField;
  const options = asList(data.options);
  const suggestions = useMemo(() => suggestedDistractors(withMergesApplied(data) as Record<string, unknown>, context), [data, context]);
  return (
    <>
      <div class="field">
        <label for={`${prefix}-ask`}>问的是裁决的哪一项</label>
        <AskSelect id={`${prefix}-ask`} value={data.ask} asks={asks} onChange={(value) => set(['ask'], value)} />
        <Problems errors={errors} prefix="ask" />
      </div>
      <fieldset class="field options-fields">
        <legend>选项（2–6 个；对错由引擎判定）</legend>
        <ol class="option-list">
          {options.map((option, n) => {
            const record = isRecord(option) ? option : {};
            return (
              <li key={n} class="option-row">
                <label for={`${prefix}-option-${n}-value`}>选项 {n + 1} 代表的取值</label>
                <ValueInput
                  id={`${prefix}-option-${n}-value`}
                  ask={ask}
                  value={record.value}
                  onChange={(value) => {
                    set(['options', n, 'value'], value);
                    if (!record.text || record.text === optionText(ask, record.value as never)) set(['options', n, 'text'], optionText(ask, value));
                  }}
                />
                <label for={`${prefix}-option-${n}-text`}>选项 {n + 1} 的文字</label>
                <input id={`${prefix}-option-${n}-text`} type="text" value={String(record.text ?? '')} onInput={(event) => set(['options', n, 'text'], event.currentTarget.value)} />
                <button type="button" class="link-button" onClick={() => set(['options', n], undefined)}>
                  删除选项 {n + 1}
                </button>
              </li>
            );
          })}
        </ol>
        <button type="button" onClick={() => set(['options', options.length], { value: '', text: '' })}>
          添加选项
        </button>
        {suggestions.length > 0 && (
          <div class="suggestions">
            <p>引擎建议的干扰项（点一下加入）：</p>
            <ul>
              {suggestions.map((suggestion) => (
                <li key={JSON.stringify(suggestion.value)}>
                  <button type="button" class="link-button" data-suggestion onClick={() => set(['options', options.length], { value: suggestion.value, text: suggestion.text })}>
                    加入「{suggestion.text}」
                  </button>{' '}
                  <span class="muted">{suggestion.nearMiss ? '差一点的情景：改动一个事实就会是这个答案' : '该项的其他取值'}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Problems errors={errors} prefix="options" />
      </fieldset>
    </>
  );
}

/** A reply item (回复话术): each option's text, tone and promises as claims the engine checks. */
function ReplyOptions({ entry, errors, asks, set }: FieldProps) {
  const prefix = `q${entry.uid}`;
  const options = asList(entry.data.options);
  return (
    <fieldset class="field options-fields">
      <legend>回复（2–6 条；礼貌且每条承诺都与裁决一致的那条是正确答案）</legend>
      <ol class="option-list">
        {options.map((option, n) => {
          const record = isRecord(option) ? option : {};
          const promises = asList(record.promises);
          return (
            <li key={n} class="option-row">
              <label for={`${prefix}-reply-${n}-text`}>回复 {n + 1} 的原话</label>
              <textarea id={`${prefix}-reply-${n}-text`} rows={2} value={String(record.text ?? '')} onInput={(event) => set(['options', n, 'text'], event.currentTarget.value)} />
              <label for={`${prefix}-reply-${n}-tone`}>语气</label>
              <select id={`${prefix}-reply-${n}-tone`} value={record.tone === 'rude' ? 'rude' : 'polite'} onChange={(event) => set(['options', n, 'tone'], event.currentTarget.value === 'rude' ? 'rude' : 'tone' in record ? 'polite' : undefined)}>
                <option value="polite">礼貌得体</option>
                <option value="rude">生硬、推诿或指责买家</option>
              </select>
              <p>承诺：</p>
              {promises.map((promise, m) => {
                const claim = isRecord(promise) ? promise : {};
                return (
                  <div key={m} class="claim-row">
                    <label for={`${prefix}-reply-${n}-promise-${m}-ask`}>承诺 {m + 1}：裁决的哪一项</label>
                    <AskSelect id={`${prefix}-reply-${n}-promise-${m}-ask`} value={claim.ask} asks={asks} onChange={(value) => set(['options', n, 'promises', m, 'ask'], value)} />
                    <label for={`${prefix}-reply-${n}-promise-${m}-equals`}>是</label>
                    <ValueInput id={`${prefix}-reply-${n}-promise-${m}-equals`} ask={claim.ask} value={claim.equals} onChange={(value) => set(['options', n, 'promises', m, 'equals'], value)} />
                    <button type="button" class="link-button" onClick={() => set(['options', n, 'promises', m], undefined)}>
                      删除承诺 {m + 1}
                    </button>
                  </div>
                );
              })}
              <button type="button" class="link-button" onClick={() => set(['options', n, 'promises', promises.length], { ask: 'resolution', equals: 'return-and-refund' })}>
                添加承诺
              </button>{' '}
              <button type="button" class="link-button" onClick={() => set(['options', n], undefined)}>
                删除回复 {n + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => set(['options', options.length], { text: '', promises: [{ ask: 'resolution', equals: 'return-and-refund' }] })}>
        添加回复
      </button>
      <Problems errors={errors} prefix="options" />
    </fieldset>
  );
}

/** A multiple-choice item: statements, each a claim the engine checks. */
function Statements({ entry, errors, asks, set }: FieldProps) {
  const prefix = `q${entry.uid}`;
  const statements = asList(entry.data.statements);
  return (
    <fieldset class="field options-fields">
      <legend>陈述（3–6 条；成立的即正确选项）</legend>
      <ol class="option-list">
        {statements.map((statement, n) => {
          const record = isRecord(statement) ? statement : {};
          const claim = isRecord(record.claim) ? record.claim : {};
          return (
            <li key={n} class="option-row">
              <label for={`${prefix}-statement-${n}-text`}>陈述 {n + 1}</label>
              <input id={`${prefix}-statement-${n}-text`} type="text" value={String(record.text ?? '')} onInput={(event) => set(['statements', n, 'text'], event.currentTarget.value)} />
              <label for={`${prefix}-statement-${n}-ask`}>断言：裁决的哪一项</label>
              <AskSelect id={`${prefix}-statement-${n}-ask`} value={claim.ask} asks={asks} onChange={(value) => set(['statements', n, 'claim', 'ask'], value)} />
              <label for={`${prefix}-statement-${n}-equals`}>是</label>
              <ValueInput id={`${prefix}-statement-${n}-equals`} ask={claim.ask} value={claim.equals} onChange={(value) => set(['statements', n, 'claim', 'equals'], value)} />
              {'scenario' in record && <p class="field-hint">这条陈述有自己的情景（在“高级”YAML 里编辑）。</p>}
              <button type="button" class="link-button" onClick={() => set(['statements', n], undefined)}>
                删除陈述 {n + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => set(['statements', statements.length], { text: '', claim: { ask: 'resolution', equals: 'return-and-refund' } })}>
        添加陈述
      </button>
      <Problems errors={errors} prefix="statements" />
    </fieldset>
  );
}

/** A true/false item or template: the claim and how the two choices read. */
function ClaimFields({ entry, errors, asks, set }: FieldProps) {
  const prefix = `q${entry.uid}`;
  const claim = isRecord(entry.data.claim) ? entry.data.claim : {};
  return (
    <fieldset class="field">
      <legend>断言</legend>
      <label for={`${prefix}-claim-ask`}>裁决的哪一项</label>
      <AskSelect id={`${prefix}-claim-ask`} value={claim.ask} asks={asks} onChange={(value) => set(['claim', 'ask'], value)} />
      <label for={`${prefix}-claim-equals`}>是</label>
      <ValueInput id={`${prefix}-claim-equals`} ask={claim.ask} value={claim.equals} onChange={(value) => set(['claim', 'equals'], value)} />
      <label for={`${prefix}-labels`}>两个选项显示为</label>
      <select id={`${prefix}-labels`} value={entry.data.labels === '是否' ? '是否' : '正确错误'} onChange={(event) => set(['labels'], event.currentTarget.value)}>
        <option value="正确错误">正确 / 错误</option>
        <option value="是否">是 / 否</option>
      </select>
      <Problems errors={errors} prefix="claim" />
    </fieldset>
  );
}

/** An ordering item: which shop sequence; the order itself comes from the shop policy. */
function OrderingFields({ entry, errors, set }: FieldProps) {
  const prefix = `q${entry.uid}`;
  return (
    <div class="field">
      <label for={`${prefix}-sequence`}>排哪个流程</label>
      <select id={`${prefix}-sequence`} value={String(entry.data.sequence ?? 'service-flow')} onChange={(event) => set(['sequence'], event.currentTarget.value)}>
        <option value="service-flow">售后标准流程</option>
        <option value="negotiation-ladder">协商阶梯</option>
      </select>
      <p class="field-hint">顺序取自本店规范（policy/shop.json），保存时写入 answer。</p>
      <Problems errors={errors} prefix="sequence" />
    </div>
  );
}

type ParamKind = 'oneOf' | 'int' | 'time' | 'deadline';
const paramKindLabels: Record<ParamKind, string> = { oneOf: '从几个取值中抽', int: '整数范围', time: '时间范围', deadline: '期限前后几分钟' };
const PARAM_DEFAULTS: Record<ParamKind, Record<string, unknown>> = {
  oneOf: { oneOf: [true, false] },
  int: { int: [1, 10] },
  time: { time: ['2025-10-01 08:00', '2025-10-01 22:00'] },
  deadline: { deadline: 'sevenDayWindowEnd', from: '', offsetMinutes: [-1, 0] },
};
const listText = (value: unknown) => asList(value).map(String).join('，');
const splitList = (text: string) =>
  text
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** A template's parameters with their ranges, facts, the asked field or claim, and a live preview of seeds 1–N. */
function TemplateFields({ entry, errors, asks, editions, context, seeds, set, index }: FieldProps) {
  const prefix = `q${entry.uid}`;
  const { data } = entry;
  const params = isRecord(data.params) ? data.params : {};
  const [factsText, setFactsText] = useState(() => JSON.stringify(data.facts ?? {}, null, 2));
  const [factsProblem, setFactsProblem] = useState('');
  const [count, setCount] = useState(seeds);
  const preview = useMemo(() => previewRawTemplate(withMergesApplied(data), index, context, count), [data, count, context]);
  const renameParam = (from: string, to: string) => set(['params'], Object.fromEntries(Object.entries(params).map(([name, spec]) => [name === from ? to : name, spec])));
  return (
    <>
      {data.type === 'single' && (
        <div class="field">
          <label for={`${prefix}-ask`}>问的是裁决的哪一项</label>
          <AskSelect id={`${prefix}-ask`} value={data.ask} asks={asks} onChange={(value) => set(['ask'], value)} />
          <p class="field-hint">选项由引擎生成：正确答案，加上改动一个参数就会得出的“差一点”的答案。</p>
          <Problems errors={errors} prefix="ask" />
        </div>
      )}
      <fieldset class="field template-params">
        <legend>参数（每个种子抽一次）</legend>
        {Object.entries(params).map(([name, raw], n) => {
          const spec = isRecord(raw) ? raw : {};
          const kind: ParamKind = 'oneOf' in spec ? 'oneOf' : 'int' in spec ? 'int' : 'time' in spec ? 'time' : 'deadline';
          const id = `${prefix}-param-${n}`;
          const range = asList(spec[kind]);
          return (
            <div key={n} class="param-row" data-param={name}>
              <label for={`${id}-name`}>参数 {n + 1} 的名称</label>
              <input id={`${id}-name`} type="text" value={name} spellcheck={false} onInput={(event) => renameParam(name, event.currentTarget.value.trim())} />
              <label for={`${id}-kind`}>取值方式</label>
              <select id={`${id}-kind`} value={kind} onChange={(event) => set(['params', name], PARAM_DEFAULTS[event.currentTarget.value as ParamKind])}>
                {(Object.keys(paramKindLabels) as ParamKind[]).map((option) => (
                  <option key={option} value={option}>
                    {paramKindLabels[option]}
                  </option>
                ))}
              </select>
              {kind === 'oneOf' && (
                <>
                  <label for={`${id}-values`}>取值（用逗号分隔）</label>
                  <input id={`${id}-values`} type="text" value={listText(spec.oneOf)} onInput={(event) => set(['params', name, 'oneOf'], splitList(event.currentTarget.value).map((part) => (part === 'true' ? true : part === 'false' ? false : /^-?\d+$/.test(part) ? Number(part) : part)))} />
                </>
              )}
              {(kind === 'int' || kind === 'time') && (
                <>
                  <label for={`${id}-from`}>{kind === 'int' ? '最小' : '最早（北京时间）'}</label>
                  <input id={`${id}-from`} type={kind === 'int' ? 'number' : 'text'} value={String(range[0] ?? '')} onInput={(event) => set(['params', name, kind, 0], kind === 'int' ? Number(event.currentTarget.value) : event.currentTarget.value)} />
                  <label for={`${id}-to`}>{kind === 'int' ? '最大' : '最晚（北京时间）'}</label>
                  <input id={`${id}-to`} type={kind === 'int' ? 'number' : 'text'} value={String(range[1] ?? '')} onInput={(event) => set(['params', name, kind, 1], kind === 'int' ? Number(event.currentTarget.value) : event.currentTarget.value)} />
                </>
              )}
              {kind === 'time' && (
                <>
                  <label for={`${id}-step`}>粒度（分钟）</label>
                  <input id={`${id}-step`} type="number" min="1" value={String(spec.stepMinutes ?? 1)} onInput={(event) => set(['params', name, 'stepMinutes'], Number(event.currentTarget.value) === 1 && !('stepMinutes' in spec) ? undefined : Number(event.currentTarget.value))} />
                </>
              )}
              {kind === 'deadline' && (
                <>
                  <label for={`${id}-deadline`}>相对于哪个期限</label>
                  <select id={`${id}-deadline`} value={String(spec.deadline ?? 'sevenDayWindowEnd')} onChange={(event) => set(['params', name, 'deadline'], event.currentTarget.value)}>
                    <option value="sevenDayWindowEnd">七天期限截止（起点：签收时间）</option>
                    <option value="shipBy">最晚发货（起点：付款时间）</option>
                  </select>
                  <label for={`${id}-start`}>起点（时间参数名）</label>
                  <input id={`${id}-start`} type="text" value={String(spec.from ?? '')} onInput={(event) => set(['params', name, 'from'], event.currentTarget.value)} />
                  <label for={`${id}-offsets`}>在期限前后多少分钟（逗号分隔，负数在前）</label>
                  <input id={`${id}-offsets`} type="text" value={listText(spec.offsetMinutes)} onInput={(event) => set(['params', name, 'offsetMinutes'], splitList(event.currentTarget.value).map(Number))} />
                </>
              )}
              <button type="button" class="link-button" onClick={() => set(['params', name], undefined)}>
                删除参数「{name}」
              </button>
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => {
            let n = Object.keys(params).length + 1;
            while (`p${n}` in params) n++;
            set(['params', `p${n}`], PARAM_DEFAULTS.oneOf);
          }}
        >
          添加参数
        </button>
        <Problems errors={errors} prefix="params" />
      </fieldset>
      <div class="field">
        <label for={`${prefix}-facts`}>情景事实（JSON；用 "{'{{参数名}}'}" 代入参数）</label>
        <textarea
          id={`${prefix}-facts`}
          rows={10}
          spellcheck={false}
          value={factsText}
          aria-describedby={`${prefix}-facts-hint`}
          onInput={(event) => {
            const text = event.currentTarget.value;
            setFactsText(text);
            try {
              set(['facts'], JSON.parse(text));
              setFactsProblem('');
            } catch {
              setFactsProblem('这不是完整的 JSON（检查引号、逗号和括号），改好之前不会用于预览和保存。');
            }
          }}
        />
        <p class={`field-hint${factsProblem ? ' field-error' : ''}`} id={`${prefix}-facts-hint`}>
          {factsProblem || '整个取值写成 "{{参数名}}" 时代入数字或真假，写在文字中间时代入文字。'}
        </p>
        <Problems errors={errors} prefix="facts" />
      </div>
      <EditionSelect id={`${prefix}-edition`} value={data.edition} editions={editions} unsetLabel={EDITION_UNSET} onChange={(edition) => set(['edition'], edition)} />
      <section class="template-preview" aria-labelledby={`${prefix}-preview-title`}>
        <h3 id={`${prefix}-preview-title`}>预览：种子 1–{preview.variants.length} 生成的题目与答案</h3>
        <label for={`${prefix}-seeds`}>预览种子 1 到</label>
        <input id={`${prefix}-seeds`} type="number" min="1" max={MAX_PREVIEW_SEEDS} value={count} onInput={(event) => setCount(Math.min(Math.max(Number(event.currentTarget.value) || 1, 1), MAX_PREVIEW_SEEDS))} />
        {preview.problem && <p class="field-error">{preview.problem}</p>}
        {preview.variants.length > 0 && (
          <div class="preview-template">
            <table>
              <thead>
                <tr>
                  <th scope="col">种子</th>
                  <th scope="col">参数</th>
                  <th scope="col">题干与选项</th>
                  <th scope="col">答案</th>
                </tr>
              </thead>
              <tbody>
                {preview.variants.map((variant) => (
                  <tr key={variant.seed} data-seed={variant.seed}>
                    <th scope="row">{variant.seed}</th>
                    <td>
                      <code>{variant.values}</code>
                    </td>
                    <td>
                      {variant.stem}
                      {variant.options.length > 0 && (
                        <ul>
                          {variant.options.map((option) => (
                            <li key={option}>{option}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{variant.problem ? <span class="field-error">无法生成：{variant.problem}</span> : <strong>{variant.key}</strong>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

