import './zod-jitless.ts';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CURRENT_EDITION, type EditionId, type Ruling, type ShopPolicy } from '../../rules/index.ts';
import { CasePicker } from './CasePicker.tsx';
import { CopyFacts } from './CopyFacts.tsx';
import { EditionSwitch } from './EditionSwitch.tsx';
import { FactsForm } from './FactsForm.tsx';
import { draftFromFacts, factsFromDraft, withFieldText, withSection, type Draft } from '../../present/sandbox/index.ts';
import { factFormModel, fieldIndex, sectionIndex } from '../../present/sandbox/index.ts';
import { fieldId, sectionAddId, sectionId } from '../../present/sandbox/index.ts';
import { OutcomeProblem } from './OutcomeProblem.tsx';
import { rulingChanges, type RulingChange } from '../../present/sandbox/index.ts';
import { RulingDetails } from './RulingDetails.tsx';
import { RulingSummary } from './RulingSummary.tsx';
import type { SandboxCase, SandboxCaseGroup } from '../../present/sandbox/index.ts';
import { sandboxOutcome, type SandboxOutcome } from '../../present/sandbox/index.ts';
import { SopGuidanceList } from './SopGuidanceList.tsx';
import { TraceChain } from './TraceChain.tsx';

interface Props {
  /** Cases by topic, facts only (see sandbox-cases.ts); validated by the page that renders the island. */
  readonly groups: readonly SandboxCaseGroup[];
  /** content/policy/shop.json, validated at build time, so SOP guidance matches every other page. */
  readonly shopPolicy: ShopPolicy;
}

const model = factFormModel();
const fields = fieldIndex(model);
const sections = sectionIndex(model);
/** Short enough to feel live, long enough not to decide on every keystroke. */
const DEBOUNCE_MS = 200;
/** Extra wait before reporting text that cannot be read yet, e.g. "2025-09-1" on the way to "2025-09-11 00:00". */
const TYPING_GRACE_MS = 700;

interface Loaded {
  /** '' for the blank scenario. */
  readonly slug: string;
  readonly edition: EditionId;
  readonly draft: Draft;
  readonly unknownPaths: readonly string[];
  /** Announced once the loaded facts are decided. */
  readonly note: string;
}

interface View {
  readonly outcome: SandboxOutcome | null;
  readonly changes: readonly RulingChange[] | null;
  readonly loadedNote: string | null;
}

function load(item: SandboxCase | undefined, note?: string): Loaded {
  const { draft, unknownPaths } = draftFromFacts(model, item?.facts ?? {});
  return {
    slug: item?.slug ?? '',
    edition: item?.edition ?? CURRENT_EDITION,
    draft,
    unknownPaths,
    note: note ?? (item ? `已载入案例「${item.title}」。` : '已载入空白情景。'),
  };
}

function focusTarget(element: HTMLElement | null): HTMLElement | null {
  if (!element || element.matches('input, select, textarea, button')) return element;
  return element.querySelector<HTMLElement>('input:checked') ?? element.querySelector<HTMLElement>('input, select, button');
}

/**
 * The scenario sandbox: the Preact adapter around pure pieces. The form model, draft parsing, decide() and the
 * change summary live in plain modules next to this one; this component only holds state and wires events.
 */
export default function Sandbox({ groups, shopPolicy }: Props) {
  const cases = useMemo(() => groups.flatMap((group) => group.cases), [groups]);
  const [loaded, setLoaded] = useState<Loaded>(() => {
    // client:only: this runs in the browser on mount, so the requested case is known before the first render.
    const wanted = new URLSearchParams(globalThis.location?.search ?? '').get('case');
    const found = cases.find((item) => item.slug === wanted);
    if (wanted && !found) {
      return load(cases[0], `没有找到案例“${wanted}”，已载入${cases[0] ? `「${cases[0].title}」` : '空白情景'}。`);
    }
    return load(found ?? cases[0]);
  });
  const [draft, setDraft] = useState<Draft>(loaded.draft);
  const [edition, setEdition] = useState<EditionId>(loaded.edition);
  const [view, setView] = useState<View>({ outcome: null, changes: null, loadedNote: null });
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const previous = useRef<Ruling | null>(null);
  const isFreshLoad = useRef(true);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const commit = (outcome: SandboxOutcome) => {
      const afterLoad = isFreshLoad.current;
      isFreshLoad.current = false;
      let changes: RulingChange[] | null = null;
      if (outcome.kind === 'ruling') {
        // Compared with the last ruling there was, so fixing a typo reports what the whole edit changed.
        if (!afterLoad && previous.current) changes = rulingChanges(previous.current, outcome.ruling);
        previous.current = outcome.ruling;
      }
      setView({ outcome, changes, loadedNote: afterLoad ? loaded.note : null });
    };
    const evaluate = () => {
      const { facts, errors } = factsFromDraft(model, draft);
      const outcome = sandboxOutcome(facts, errors, { edition, shopPolicy });
      // A half-typed time is not worth announcing: unreadable text waits a little longer for the next keystroke.
      if (outcome.kind === 'form-errors' && !isFreshLoad.current) timer = setTimeout(() => commit(outcome), TYPING_GRACE_MS);
      else commit(outcome);
    };
    if (isFreshLoad.current) evaluate();
    else timer = setTimeout(evaluate, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, edition, loaded, shopPolicy]);

  // Layout effect: focus moves in the same frame the field appears, before anything else can take it.
  useLayoutEffect(() => {
    if (!focusRequest) return;
    const target = focusTarget(document.getElementById(focusRequest.id));
    target?.focus();
    setFocusRequest(null);
  }, [focusRequest]);

  const apply = (next: Loaded, slug: string) => {
    previous.current = null;
    isFreshLoad.current = true;
    setLoaded(next);
    setDraft(next.draft);
    setEdition(next.edition);
    const url = new URL(globalThis.location.href);
    if (slug) url.searchParams.set('case', slug);
    else url.searchParams.delete('case');
    globalThis.history.replaceState(null, '', url);
  };

  const pick = (slug: string) => apply(load(cases.find((item) => item.slug === slug)), slug);
  const reset = () => {
    const item = cases.find((c) => c.slug === loaded.slug);
    apply(load(item, item ? `已重置为案例「${item.title}」的原始事实。` : '已清空为空白情景。'), loaded.slug);
  };

  const onText = (path: string, text: string) => setDraft((current) => withFieldText(current, path, text));

  const onSection = (path: string, isPresent: boolean) => {
    setDraft((current) => withSection(current, path, isPresent));
    const first = sections.get(path)?.fields[0];
    setFocusRequest({ id: isPresent ? (first ? fieldId(first.path) : sectionId(path)) : sectionAddId(path) });
  };

  const goTo = (path: string) => {
    const segments = path.split('.');
    setDraft((current) =>
      segments.slice(0, -1).reduce((next, _, index) => {
        const prefix = segments.slice(0, index + 1).join('.');
        return sections.get(prefix)?.optional && !next.sections.includes(prefix) ? withSection(next, prefix, true) : next;
      }, current),
    );
    setFocusRequest({ id: fieldId(path) });
  };

  const errors = useMemo(() => {
    const outcome = view.outcome;
    const list = !outcome || outcome.kind === 'ruling' ? [] : outcome.kind === 'form-errors' ? outcome.errors : outcome.issues;
    return new Map(list.map((error) => [error.path, error.message]));
  }, [view.outcome]);

  const changed = useMemo(() => new Set((view.changes ?? []).map((change) => change.label)), [view.changes]);
  const outcome = view.outcome;

  return (
    <div class="sandbox">
      <div class="sandbox-toolbar">
        <CasePicker groups={groups} slug={loaded.slug} onPick={pick} />
        <EditionSwitch edition={edition} onEdition={setEdition} />
        <div class="toolbar-actions">
          <button type="button" onClick={reset}>
            {loaded.slug ? '重置为案例原始事实' : '清空'}
          </button>
          <CopyFacts facts={() => factsFromDraft(model, draft).facts} />
        </div>
        {loaded.unknownPaths.length > 0 && (
          <p class="sandbox-notice">
            这个案例的事实里有事实模型不认识的字段，沙盒没有载入：<code>{loaded.unknownPaths.join('、')}</code>。
          </p>
        )}
      </div>
      <FactsForm model={model} draft={draft} errors={errors} onText={onText} onSection={onSection} />
      <div class="ruling-column">
        <RulingSummary outcome={outcome} changes={view.changes} loadedNote={view.loadedNote} />
        <div class="ruling-panel">
          {outcome?.kind === 'ruling' && (
            <>
              <RulingDetails ruling={outcome.ruling} changed={changed} />
              <TraceChain ruling={outcome.ruling} />
              <SopGuidanceList sop={outcome.ruling.sop} />
            </>
          )}
          {outcome && outcome.kind !== 'ruling' && <OutcomeProblem outcome={outcome} fields={fields} onGoTo={goTo} />}
        </div>
      </div>
    </div>
  );
}
