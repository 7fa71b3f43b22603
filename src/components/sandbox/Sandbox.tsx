import { useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { ShopPolicy } from '../../rules/index.ts';
import { CasePicker } from './CasePicker.tsx';
import { CopyFacts } from './CopyFacts.tsx';
import { EditionSwitch } from './EditionSwitch.tsx';
import { FactsForm } from './FactsForm.tsx';
import { factsFromDraft, fieldIndex, sectionIndex, type SandboxEvaluation, type SandboxOutcome, type SectionModel } from '../../present/sandbox/index.ts';
import { fieldId, sectionAddId, sectionId } from '../../present/sandbox/index.ts';
import { OutcomeProblem } from './OutcomeProblem.tsx';
import { RulingDetails } from './RulingDetails.tsx';
import { RulingSummary } from './RulingSummary.tsx';
import type { SandboxCase, SandboxCaseGroup } from '../../present/sandbox/index.ts';
import { isUneditedCase, sandboxCaseOutcomePath, unpackEvaluation, type PackedEvaluation } from '../../present/sandbox/index.ts';
import { readSandboxSearch, sandboxInitialState, sandboxLoaded, sandboxReducer, sandboxSearch, studioCaseHref } from '../../present/sandbox/index.ts';
import { SopGuidanceList } from './SopGuidanceList.tsx';
import { TraceChain } from './TraceChain.tsx';

type Engine = typeof import('./engine.ts');

interface Props {
  /** Cases by topic, facts only (see sandbox-cases.ts); validated by the page that renders the island. */
  readonly groups: readonly SandboxCaseGroup[];
  /** content/policy/shop.json, validated at build time, so SOP guidance matches every other page. */
  readonly shopPolicy: ShopPolicy;
  /**
   * The fact model as a form (`factFormModel()`), computed by the page at build time: walking the schema here would
   * put the fact model and zod in the first load.
   */
  readonly model: SectionModel;
}

let engineLoad: Promise<Engine> | undefined;
let isEngineLoaded = false;
/** The engine chunk, fetched once (a failed fetch is retried on the next call). */
function loadEngine(): Promise<Engine> {
  engineLoad ??= import('./engine.ts').then(
    (engine) => {
      isEngineLoaded = true;
      return engine;
    },
    (error: unknown) => {
      engineLoad = undefined;
      throw error;
    },
  );
  return engineLoad;
}
const prefetchEngine = () => void loadEngine().catch(() => undefined);

/** Shown when the engine chunk cannot be fetched (offline, or a new deployment removed it). */
const engineUnavailable: SandboxOutcome = {
  kind: 'engine-error',
  code: 'INTERNAL',
  message: '规则引擎没有载入，可能是网络中断或网站刚刚更新。请刷新页面再试。',
  issues: [],
};

/** The build's evaluation of a case's own facts (src/pages/sandbox/outcomes/), or null when it cannot be had. */
async function buildEvaluation(slug: string): Promise<SandboxEvaluation | null> {
  try {
    const response = await fetch(sandboxCaseOutcomePath(slug));
    return response.ok ? unpackEvaluation((await response.json()) as PackedEvaluation) : null;
  } catch {
    return null;
  }
}

/** Short enough to feel live, long enough not to decide on every keystroke. */
const DEBOUNCE_MS = 200;
/** Extra wait before reporting text that cannot be read yet, e.g. "2025-09-1" on the way to "2025-09-11 00:00". */
const TYPING_GRACE_MS = 700;
/** How long the address bar waits before following the form (history.replaceState is cheap, but not per keystroke). */
const URL_DEBOUNCE_MS = 400;

function focusTarget(element: HTMLElement | null): HTMLElement | null {
  if (!element || element.matches('input, select, textarea, button')) return element;
  return element.querySelector<HTMLElement>('input:checked') ?? element.querySelector<HTMLElement>('input, select, button');
}

/** The state a sandbox URL asks for: its case, and the facts and edition it carries (see sandbox-state.ts). */
function initialLoad(model: SectionModel, cases: readonly SandboxCase[]) {
  // client:only: this runs in the browser on mount, so the requested scenario is known before the first render.
  const request = readSandboxSearch(globalThis.location?.search ?? '');
  const found = cases.find((item) => item.slug === request.slug);
  if (request.slug && !found) {
    return sandboxLoaded(model, cases[0], { note: `没有找到案例“${request.slug}”，已载入${cases[0] ? `「${cases[0].title}」` : '空白情景'}。` });
  }
  const item = request.slug ? found : request.facts ? undefined : cases[0];
  const shared = request.facts !== null || request.edition !== null;
  const base = sandboxLoaded(model, item);
  if (!shared) return request.problem ? { ...base, note: request.problem } : base;
  // A shared scenario: the form shows its facts; 重置 goes back to the case it started from.
  const withFacts = sandboxLoaded(model, item, {
    ...(request.facts ? { facts: request.facts } : {}),
    ...(request.edition ? { edition: request.edition } : {}),
    note: request.problem ?? (item ? `已载入分享的情景（以案例「${item.title}」为基础修改过）。` : '已载入分享的情景。'),
  });
  return { withFacts, base };
}

/**
 * The scenario sandbox: the Preact adapter around pure pieces. The state and its transitions are the reducer in
 * src/present/sandbox/sandbox-state.ts; this component renders it, runs decide() on a debounce, keeps the address
 * bar in step (a shareable link) and moves focus. A case opened as it is shows the build's evaluation of it; the
 * engine (./engine.ts) is imported on the first interaction or the first scenario the build did not evaluate.
 */
export default function Sandbox({ groups, shopPolicy, model }: Props) {
  const cases = useMemo(() => groups.flatMap((group) => group.cases), [groups]);
  const { fields, sections } = useMemo(() => ({ fields: fieldIndex(model), sections: sectionIndex(model) }), [model]);
  const [state, dispatch] = useReducer(sandboxReducer, null, () => {
    const load = initialLoad(model, cases);
    if ('withFacts' in load) {
      // The case's own facts stay the reset point; the shared facts are the current draft.
      const initial = sandboxInitialState({ ...load.base, note: load.withFacts.note });
      return { ...initial, draft: load.withFacts.draft, edition: load.withFacts.edition };
    }
    return sandboxInitialState(load);
  });
  const { loaded, draft, edition, outcome } = state;
  const current = useMemo(() => factsFromDraft(model, draft), [draft]);

  // The panel shows the evaluation of the reducer's current outcome.
  const [evaluation, setEvaluation] = useState<SandboxEvaluation | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isCancelled = false;
    const show = (next: SandboxEvaluation) => {
      setEvaluation(next);
      dispatch({ type: 'outcome', outcome: next.outcome });
    };
    const evaluate = async () => {
      // A case's own scenario was evaluated by the build: no need to wait for the engine.
      const built = isUneditedCase(state) && !isEngineLoaded ? await buildEvaluation(state.loaded.slug) : null;
      if (isCancelled) return;
      if (built) return show(built);
      let engine: Engine;
      try {
        engine = await loadEngine();
      } catch {
        if (!isCancelled) dispatch({ type: 'outcome', outcome: engineUnavailable });
        return;
      }
      if (isCancelled) return;
      const next = engine.sandboxEvaluation(current.facts, current.errors, { edition, shopPolicy }, { fields, sections });
      // A half-typed time is not worth announcing: unreadable text waits a little longer for the next keystroke.
      if (next.outcome.kind === 'form-errors' && !state.isFreshLoad) timer = setTimeout(() => show(next), TYPING_GRACE_MS);
      else show(next);
    };
    if (state.isFreshLoad) void evaluate();
    else timer = setTimeout(() => void evaluate(), DEBOUNCE_MS);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [current, edition, loaded, shopPolicy]);

  // The address bar holds the scenario, so a copied link opens it (and survives a reload).
  useEffect(() => {
    const timer = setTimeout(() => {
      const url = new URL(globalThis.location.href);
      url.search = sandboxSearch(state, current.facts);
      if (url.href !== globalThis.location.href) globalThis.history.replaceState(null, '', url);
    }, URL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [current, edition, loaded]);

  // Layout effect: focus moves in the same frame the field appears, before anything else can take it.
  useLayoutEffect(() => {
    if (!state.focus) return;
    focusTarget(document.getElementById(state.focus))?.focus();
    dispatch({ type: 'focused' });
  }, [state.focus]);

  // Picking a case names it in the address bar at once (the edits that follow are written there on a debounce).
  const showCase = (slug: string) => {
    const url = new URL(globalThis.location.href);
    url.search = slug ? `?${new URLSearchParams({ case: slug }).toString()}` : '';
    globalThis.history.replaceState(null, '', url);
  };
  const pick = (slug: string) => {
    dispatch({ type: 'load', loaded: sandboxLoaded(model, cases.find((item) => item.slug === slug)) });
    showCase(slug);
  };
  const reset = () => {
    const item = cases.find((c) => c.slug === loaded.slug);
    dispatch({ type: 'load', loaded: sandboxLoaded(model, item, { note: item ? `已重置为案例「${item.title}」的原始事实。` : '已清空为空白情景。' }) });
    showCase(loaded.slug);
  };

  const onSection = (path: string, isPresent: boolean) => {
    const first = sections.get(path)?.fields[0];
    dispatch({ type: 'section', path, isPresent, focus: isPresent ? (first ? fieldId(first.path) : sectionId(path)) : sectionAddId(path) });
  };

  const goTo = (path: string) => {
    const segments = path.split('.');
    const absent = segments
      .slice(0, -1)
      .map((_, index) => segments.slice(0, index + 1).join('.'))
      .filter((prefix) => sections.get(prefix)?.optional);
    dispatch({ type: 'reveal', sections: absent, focus: fieldId(path) });
  };

  // The outcome in plain Chinese and its view, from the evaluation that produced it (the two are set together).
  const shown = outcome && evaluation?.outcome === outcome ? evaluation.shown : outcome && outcome === engineUnavailable ? outcome : null;
  const view = shown?.kind === 'ruling' ? evaluation?.view : null;
  const errors = useMemo(() => {
    const list = !shown || shown.kind === 'ruling' ? [] : shown.kind === 'form-errors' ? shown.errors : shown.issues;
    return new Map(list.map((error) => [error.path, error.message]));
  }, [shown]);

  const changed = useMemo(() => new Set((state.changes ?? []).map((change) => change.label)), [state.changes]);

  return (
    // Any interaction fetches the engine, so the first edit's ruling does not wait for it.
    <div class="sandbox" onPointerDown={prefetchEngine} onFocusIn={prefetchEngine} onKeyDown={prefetchEngine}>
      <div class="sandbox-toolbar">
        <CasePicker groups={groups} slug={loaded.slug} onPick={pick} />
        <EditionSwitch edition={edition} onEdition={(next) => dispatch({ type: 'edition', edition: next })} />
        <div class="toolbar-actions">
          <button type="button" onClick={reset}>
            {loaded.slug ? '重置为案例原始事实' : '清空'}
          </button>
          <CopyFacts facts={() => factsFromDraft(model, draft).facts} />
          <a class="studio-link" href={studioCaseHref(current.facts, edition)}>
            在工作室中打开
          </a>
        </div>
        <p class="section-hint">地址栏随时记录当前情景：复制链接即可分享给同事。“在工作室中打开”用这些事实新建案例（仅组长，需要登录）。</p>
        {loaded.unknownPaths.length > 0 && (
          <p class="sandbox-notice">
            这个案例的事实里有事实模型不认识的字段，沙盒没有载入：<code>{loaded.unknownPaths.join('、')}</code>。
          </p>
        )}
      </div>
      <FactsForm model={model} draft={draft} errors={errors} onText={(path, text) => dispatch({ type: 'text', path, text })} onSection={onSection} />
      <div class="ruling-column">
        <RulingSummary outcome={shown} changes={state.changes} loadedNote={state.loadedNote} />
        <div class="ruling-panel">
          {view && (
            <>
              <RulingDetails view={view} changed={changed} />
              <TraceChain view={view} />
              <SopGuidanceList view={view} />
            </>
          )}
          {shown && shown.kind !== 'ruling' && <OutcomeProblem outcome={shown} fields={fields} onGoTo={goTo} />}
        </div>
      </div>
    </div>
  );
}
