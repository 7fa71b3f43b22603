import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { EditionId } from '../../rules/index.ts';

/** A case as the studio's case searches list it. */
export interface CasePick {
  readonly slug: string;
  readonly title: string;
}

/** At most this many cases are listed for a search. */
const MAX_MATCHES = 8;

/** The topics a case, item or template is filed under: one checkbox a topic. `problems` renders under the choices. */
export function TopicChoices({ topics, chosen, onChange, problems }: { readonly topics: readonly { readonly id: string; readonly label: string }[]; readonly chosen: readonly string[]; readonly onChange: (topics: string[]) => void; readonly problems?: ComponentChildren }) {
  return (
    <fieldset class="field">
      <legend>主题（可多选）</legend>
      <div class="choices">
        {topics.map((topic) => (
          <label key={topic.id} class="choice">
            <input type="checkbox" checked={chosen.includes(topic.id)} onChange={(event) => onChange(event.currentTarget.checked ? [...chosen, topic.id] : chosen.filter((id) => id !== topic.id))} />
            {topic.label}
          </label>
        ))}
      </div>
      {problems}
    </fieldset>
  );
}

/** Difficulty 1–3 with its Chinese names; a value left out shows as 1. */
export function DifficultySelect({ id, value, onChange }: { readonly id: string; readonly value: unknown; readonly onChange: (difficulty: 1 | 2 | 3) => void }) {
  return (
    <div class="field">
      <label for={id}>难度</label>
      <select id={id} value={String(value ?? 1)} onChange={(event) => onChange(Number(event.currentTarget.value) as 1 | 2 | 3)}>
        <option value="1">1 入门</option>
        <option value="2">2 进阶</option>
        <option value="3">3 疑难</option>
      </select>
    </div>
  );
}

/** The rule edition a case, scenario or template is decided under; `unsetLabel` says what leaving it out means. */
export function EditionSelect({ id, value, editions, unsetLabel, onChange }: { readonly id: string; readonly value: unknown; readonly editions: readonly { readonly id: EditionId; readonly label: string }[]; readonly unsetLabel: string; readonly onChange: (edition: EditionId | undefined) => void }) {
  return (
    <div class="field">
      <label for={id}>规则版本</label>
      <select id={id} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange((event.currentTarget.value || undefined) as EditionId | undefined)}>
        <option value="">{unsetLabel}</option>
        {editions.map((edition) => (
          <option key={edition.id} value={edition.id}>
            {edition.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A search over cases by title or file name, each match a button (`verb`「title」). The label for `id` is the
 * caller's. `isOffered` leaves cases out (the case itself, the ones already chosen); `hints` are the line under the
 * search before a query and the "found" sentence's tail (`找到 N 个案例，<found>`).
 */
export function CaseSearch(props: {
  readonly id: string;
  readonly cases: readonly CasePick[];
  readonly isOffered: (slug: string) => boolean;
  readonly verb: string;
  readonly hints: { readonly idle: string; readonly found: string };
  readonly onPick: (slug: string) => void;
}) {
  const { id, cases, isOffered, verb, hints, onPick } = props;
  const [query, setQuery] = useState('');
  const wanted = query.trim().toLowerCase();
  const matches = wanted ? cases.filter((item) => isOffered(item.slug) && (item.title.toLowerCase().includes(wanted) || item.slug.includes(wanted))).slice(0, MAX_MATCHES) : [];
  return (
    <>
      <input id={id} type="search" value={query} placeholder="按标题或文件名搜索" autoComplete="off" aria-describedby={`${id}-hint`} onInput={(event) => setQuery(event.currentTarget.value)} />
      <p class="field-hint" id={`${id}-hint`} aria-live="polite">
        {wanted ? (matches.length > 0 ? `找到 ${matches.length} 个案例，${hints.found}` : '没有找到匹配的案例。') : hints.idle}
      </p>
      {matches.length > 0 && (
        <ul class="related-matches">
          {matches.map((item) => (
            <li key={item.slug}>
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  onPick(item.slug);
                  setQuery('');
                }}
              >
                {verb}「{item.title}」
              </button>{' '}
              <code>{item.slug}</code>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
