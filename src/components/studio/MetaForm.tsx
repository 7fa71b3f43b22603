import { useState } from 'preact/hooks';
import type { EditionId } from '../../rules/index.ts';
import type { CaseMeta, GateErrorView } from '../../present/studio/index.ts';
import { GateMessages } from './GateMessages.tsx';

export interface CaseLink {
  readonly slug: string;
  readonly title: string;
}

interface Props {
  readonly meta: CaseMeta;
  readonly topics: readonly { readonly id: string; readonly label: string }[];
  readonly editions: readonly { readonly id: EditionId; readonly label: string }[];
  readonly cases: readonly CaseLink[];
  /** The case's own slug, left out of the related search. */
  readonly slug: string;
  readonly gate: ReadonlyMap<string, readonly GateErrorView[]>;
  readonly onMeta: (meta: Partial<CaseMeta>) => void;
}

const MAX_MATCHES = 8;

function Problems({ errors }: { readonly errors: readonly GateErrorView[] | undefined }) {
  return errors && errors.length > 0 ? <GateMessages errors={errors} /> : null;
}

/** Title, summary, topics, difficulty, edition and related cases (found by title or file name). */
export function MetaForm({ meta, topics, editions, cases, slug, gate, onMeta }: Props) {
  const [query, setQuery] = useState('');
  const wanted = query.trim().toLowerCase();
  const matches = wanted
    ? cases.filter((item) => item.slug !== slug && !meta.related.includes(item.slug) && (item.title.toLowerCase().includes(wanted) || item.slug.includes(wanted))).slice(0, MAX_MATCHES)
    : [];
  const titleOf = (related: string) => cases.find((item) => item.slug === related)?.title ?? related;
  return (
    <section class="studio-panel meta-form" aria-labelledby="meta-title">
      <h2 id="meta-title">基本信息</h2>
      <div class="field">
        <label for="meta-title-input">标题</label>
        <input id="meta-title-input" type="text" value={meta.title} onInput={(event) => onMeta({ title: event.currentTarget.value })} />
        <p class="field-hint">一句话说清争议，例如“签收第 7 天 23:59 申请七天无理由”。</p>
        <Problems errors={gate.get('title')} />
      </div>
      <div class="field">
        <label for="meta-summary">摘要</label>
        <textarea id="meta-summary" rows={2} value={meta.summary} onInput={(event) => onMeta({ summary: event.currentTarget.value })} />
        <p class="field-hint">一两句话，显示在案例列表和搜索结果里。</p>
        <Problems errors={gate.get('summary')} />
      </div>
      <fieldset class="field">
        <legend>主题（可多选）</legend>
        <div class="choices">
          {topics.map((topic) => (
            <label key={topic.id} class="choice">
              <input
                type="checkbox"
                checked={meta.topics.includes(topic.id)}
                onChange={(event) =>
                  onMeta({ topics: event.currentTarget.checked ? [...meta.topics, topic.id] : meta.topics.filter((id) => id !== topic.id) })
                }
              />
              {topic.label}
            </label>
          ))}
        </div>
        <Problems errors={gate.get('topics')} />
      </fieldset>
      <div class="meta-pair">
        <div class="field">
          <label for="meta-difficulty">难度</label>
          <select id="meta-difficulty" value={String(meta.difficulty)} onChange={(event) => onMeta({ difficulty: Number(event.currentTarget.value) as 1 | 2 | 3 })}>
            <option value="1">1 入门</option>
            <option value="2">2 进阶</option>
            <option value="3">3 疑难</option>
          </select>
        </div>
        <div class="field">
          <label for="meta-edition">规则版本</label>
          <select
            id="meta-edition"
            value={meta.edition ?? ''}
            onChange={(event) => onMeta({ edition: (event.currentTarget.value || undefined) as EditionId | undefined })}
          >
            <option value="">不写（现行版本）</option>
            {editions.map((edition) => (
              <option key={edition.id} value={edition.id}>
                {edition.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="field related">
        <label for="meta-related-search">相关案例</label>
        {meta.related.length > 0 && (
          <ul class="related-list">
            {meta.related.map((related) => (
              <li key={related}>
                {titleOf(related)} <code>{related}</code>{' '}
                <button type="button" class="link-button" onClick={() => onMeta({ related: meta.related.filter((item) => item !== related) })}>
                  移除<span class="sr-only">「{titleOf(related)}」</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id="meta-related-search"
          type="search"
          value={query}
          placeholder="按标题或文件名搜索"
          autoComplete="off"
          aria-describedby="meta-related-hint"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <p class="field-hint" id="meta-related-hint" aria-live="polite">
          {wanted ? (matches.length > 0 ? `找到 ${matches.length} 个案例，按“添加”加入。` : '没有找到匹配的案例。') : '输入关键词查找要关联的案例。'}
        </p>
        {matches.length > 0 && (
          <ul class="related-matches">
            {matches.map((item) => (
              <li key={item.slug}>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    onMeta({ related: [...meta.related, item.slug] });
                    setQuery('');
                  }}
                >
                  添加「{item.title}」
                </button>{' '}
                <code>{item.slug}</code>
              </li>
            ))}
          </ul>
        )}
        <Problems errors={gate.get('related')} />
      </div>
    </section>
  );
}
