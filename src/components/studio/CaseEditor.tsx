import '../sandbox/zod-jitless.ts';
import { useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { decide, type EditionId, type Ruling, type ShopPolicy } from '../../rules/index.ts';
import { factFormModel, fieldId, fieldIndex, rulingView, sandboxOutcome, sectionIndex } from '../../present/sandbox/index.ts';
import {
  caseEditorReducer,
  caseEditorState,
  caseFacts,
  caseModel,
  caseSlug,
  expectedFieldViews,
  isSlug,
  placeGateErrors,
  type BodySection,
} from '../../present/studio/index.ts';
import { FactsForm } from '../sandbox/FactsForm.tsx';
import { OutcomeProblem } from '../sandbox/OutcomeProblem.tsx';
import { RulingDetails } from '../sandbox/RulingDetails.tsx';
import { RulingSummary } from '../sandbox/RulingSummary.tsx';
import { SopGuidanceList } from '../sandbox/SopGuidanceList.tsx';
import { TraceChain } from '../sandbox/TraceChain.tsx';
import { BodySections } from './BodySections.tsx';
import { DraftOffer } from './DraftNotice.tsx';
import { ExpectedForm } from './ExpectedForm.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { MetaForm, type CaseLink } from './MetaForm.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { SavePanel } from './SavePanel.tsx';
import { useDraftAutosave, type RestoredDraft } from './use-draft-autosave.ts';
import { useStudioSave } from './use-studio-save.ts';

interface Props {
  /** `cases/<slug>.mdx`; '' for a new case without a name yet. */
  readonly path: string;
  /** The file's version, null for a new file. */
  readonly version: string | null;
  /** The file's model (`readContentModel`), or a new case's starting model. */
  readonly model: { readonly data: unknown; readonly sections?: readonly BodySection[] };
  readonly cases: readonly CaseLink[];
  readonly topics: readonly { readonly id: string; readonly label: string }[];
  readonly editions: readonly { readonly id: EditionId; readonly label: string }[];
  /** CONTENT_DIR's policy/shop.json, so the editor decides as the gate does. */
  readonly shopPolicy: ShopPolicy;
  readonly publish: { readonly available: boolean; readonly reason: string | null };
  /** Said once at the top (e.g. 已从沙盒载入事实). */
  readonly note?: string | undefined;
}

const form = factFormModel();
const fields = fieldIndex(form);
const sections = sectionIndex(form);
/** Where the gate's errors are shown, in the check line and a refusal. */
const ERRORS_PLACE = '对应的位置';

/**
 * The case editor: facts (the sandbox's form), the live ruling and trace, the expected ruling following the engine
 * with the author's overrides, metadata and the five body sections; saves through the content service. State lives
 * in the pure reducer (src/present/studio); this component renders it and talks to /api/studio.
 */
export default function CaseEditor(props: Props) {
  const { shopPolicy } = props;
  const decideFacts = (facts: unknown, edition: EditionId): Ruling | null => {
    try {
      return decide(facts, { edition, shopPolicy });
    } catch {
      return null;
    }
  };
  const [state, dispatch] = useReducer(caseEditorReducer, null, () =>
    caseEditorState(form, { path: props.path, version: props.version, model: props.model }, decideFacts),
  );
  const originalHeadings = useMemo(() => (props.version === null ? [] : (props.model.sections ?? []).map((section) => section.heading)), [props]);
  const [slugText, setSlugText] = useState(caseSlug(props.path));
  const lastRuling = useRef<Ruling | null>(null);

  const { facts, factErrors, edition } = caseFacts(form, state);
  const outcome = useMemo(() => sandboxOutcome(facts, factErrors, { edition, shopPolicy }), [JSON.stringify(facts), factErrors.length, edition, shopPolicy]);
  const ruling = outcome.kind === 'ruling' ? outcome.ruling : null;
  const view = useMemo(() => (ruling ? rulingView(ruling) : null), [ruling]);
  if (ruling) lastRuling.current = ruling;
  const basis = ruling ?? lastRuling.current;
  const views = expectedFieldViews(state.expected, basis);
  const model = caseModel(form, state, basis, originalHeadings);
  const pathIsValid = caseSlug(state.path) !== '';
  const drafts = useDraftAutosave({ path: state.path, baseVersion: state.baseVersion, payload: { model }, isEnabled: pathIsValid });
  const studio = useStudioSave({
    path: state.path,
    model,
    isCheckable: pathIsValid && factErrors.length === 0,
    openedVersion: props.version,
    errorsPlace: ERRORS_PLACE,
    drafts,
    onSaved: (version) => {
      dispatch({ type: 'saved', version });
      const url = new URL(globalThis.location.href);
      url.search = `?path=${encodeURIComponent(state.path)}`;
      globalThis.history.replaceState(null, '', url);
    },
  });
  const { check, setSave, savedCount } = studio;

  /** Loads a draft (or an older revision) into the form; saving it is an ordinary save from `baseVersion`. */
  const loadModel = (loaded: Pick<RestoredDraft, 'model'>, baseVersion: string | null, path = state.path) => {
    if (!loaded.model || loaded.model.kind !== 'case') return false;
    dispatch({ type: 'replace', state: caseEditorState(form, { path, version: baseVersion, model: loaded.model }, decideFacts) });
    setSlugText(caseSlug(path));
    setSave({ kind: 'idle' });
    return true;
  };

  const gateErrors = check.kind === 'done' ? check.errors : [];
  const placed = placeGateErrors(gateErrors, state.path);

  const factMessages = useMemo(() => {
    const list = outcome.kind === 'ruling' ? [] : outcome.kind === 'form-errors' ? outcome.errors : outcome.issues;
    const map = new Map(list.map((error) => [error.path, error.message]));
    for (const [path, errors] of placed.facts) if (!map.has(path)) map.set(path, errors.map((error) => `${error.problem ?? error.decided ?? ''} ${error.fix}`.trim()).join(' '));
    return map;
  }, [outcome, check]);

  const goTo = (path: string) => {
    const segments = path.split('.');
    segments.slice(0, -1).forEach((_, index) => {
      const prefix = segments.slice(0, index + 1).join('.');
      if (sections.get(prefix)?.optional && !state.facts.sections.includes(prefix)) dispatch({ type: 'factSection', path: prefix, isPresent: true });
    });
    requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());
  };

  const onSlug = (text: string) => {
    setSlugText(text);
    dispatch({ type: 'path', path: isSlug(text.trim()) ? `cases/${text.trim()}.mdx` : '' });
  };

  const doSave = async (baseVersion: string | null) => {
    if (!pathIsValid) {
      setSave({ kind: 'refused', message: '请先填写文件名（小写英文、数字和连字符），例如 seven-day-last-minute。' });
      document.getElementById('case-slug')?.focus();
      return;
    }
    await studio.saveFrom(baseVersion);
  };

  const slug = caseSlug(state.path);
  const disagreements = views.filter((view) => view.disagrees).length;

  return (
    <div class="sandbox studio-editor case-editor">
      {props.note && <p class="studio-note">{props.note}</p>}
      <DraftOffer
        drafts={drafts}
        onRestore={(draft) => {
          if (!loadModel(draft, draft.baseVersion, draft.path)) setSave({ kind: 'error', message: '草稿无法读成表单，没有载入。' });
        }}
      />
      <div class="studio-file">
        {state.isNew ? (
          <div class="field">
            <label for="case-slug">文件名</label>
            <div class="slug-input">
              <code>content/cases/</code>
              <input id="case-slug" type="text" value={slugText} autoComplete="off" spellcheck={false} aria-describedby="case-slug-hint" onInput={(event) => onSlug(event.currentTarget.value)} />
              <code>.mdx</code>
            </div>
            <p class={`field-hint${slugText && !pathIsValid ? ' field-error' : ''}`} id="case-slug-hint">
              {slugText && !pathIsValid ? '文件名只能用小写英文、数字和连字符，例如 seven-day-last-minute。' : '案例页地址将是 /cases/文件名。'}
            </p>
          </div>
        ) : (
          <p>
            文件 <code>content/{state.path}</code>
            {slug && (
              <>
                {' '}
                · <a href={`/cases/${slug}`}>查看已发布的案例页</a>
              </>
            )}
          </p>
        )}
        {state.unknownFactPaths.length > 0 && (
          <p class="sandbox-notice">
            文件的事实里有表单不认识的字段，保存时会丢掉：<code>{state.unknownFactPaths.join('、')}</code>。
          </p>
        )}
      </div>

      <div class="studio-columns">
        <div class="studio-main">
          <MetaForm
            meta={state.meta}
            topics={props.topics}
            editions={props.editions}
            cases={props.cases}
            slug={slug}
            gate={placed.meta}
            onMeta={(meta) => dispatch({ type: 'meta', meta })}
          />
          <div class="studio-panel">
            <FactsForm
              model={form}
              draft={state.facts}
              errors={factMessages}
              onText={(path, text) => dispatch({ type: 'fact', path, text })}
              onSection={(path, isPresent) => dispatch({ type: 'factSection', path, isPresent })}
            />
          </div>
          <ExpectedForm
            views={views}
            gate={placed.expected}
            hasRuling={ruling !== null}
            onMode={(key, mode, text) => dispatch({ type: 'expectedMode', key, mode, ...(text !== undefined ? { text } : {}) })}
            onText={(key, text) => dispatch({ type: 'expectedText', key, text })}
          />
          <BodySections sections={state.sections} onSection={(heading, markdown) => dispatch({ type: 'section', heading, markdown })} />
        </div>
        <aside class="studio-side ruling-column" aria-label="引擎裁决与保存">
          <SavePanel
            studio={studio}
            drafts={drafts}
            path={state.path}
            baseVersion={state.baseVersion}
            onSave={(baseVersion) => void doSave(baseVersion)}
            onRebase={(version) => dispatch({ type: 'rebase', version })}
            latestHref={`/lead/studio/case?path=${encodeURIComponent(state.path)}`}
            errorsPlace={ERRORS_PLACE}
            idleText={!pathIsValid ? '填写文件名后开始内容检查。' : disagreements > 0 ? `预期裁决有 ${disagreements} 处与引擎不同。` : ''}
            otherErrors={placed.other}
            otherLead="这些问题不在本页的表单里："
          />
          <RulingSummary outcome={outcome} changes={null} loadedNote={null} />
          <div class="ruling-panel">
            {view ? (
              <>
                <RulingDetails view={view} changed={new Set()} />
                <TraceChain view={view} />
                <SopGuidanceList view={view} />
              </>
            ) : (
              outcome.kind !== 'ruling' && <OutcomeProblem outcome={outcome} fields={fields} onGoTo={goTo} />
            )}
          </div>
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
