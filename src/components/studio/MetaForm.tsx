import type { EditionId } from '../../rules/index.ts';
import type { CaseMeta, GateErrorView } from '../../present/studio/index.ts';
import { GateMessages } from './GateMessages.tsx';
import { CaseSearch, DifficultySelect, EditionSelect, TopicChoices, type CasePick } from './StudioInputs.tsx';

export type CaseLink = CasePick;

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

function Problems({ errors }: { readonly errors: readonly GateErrorView[] | undefined }) {
  return errors && errors.length > 0 ? <GateMessages errors={errors} /> : null;
}

/** Title, summary, topics, difficulty, edition and related cases (found by title or file name). */
export function MetaForm({ meta, topics, editions, cases, slug, gate, onMeta }: Props) {
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
      <TopicChoices topics={topics} chosen={meta.topics} onChange={(chosen) => onMeta({ topics: chosen })} problems={<Problems errors={gate.get('topics')} />} />
      <div class="meta-pair">
        <DifficultySelect id="meta-difficulty" value={meta.difficulty} onChange={(difficulty) => onMeta({ difficulty })} />
        <EditionSelect id="meta-edition" value={meta.edition} editions={editions} unsetLabel="不写（现行版本）" onChange={(edition) => onMeta({ edition })} />
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
        <CaseSearch
          id="meta-related-search"
          cases={cases}
          isOffered={(candidate) => candidate !== slug && !meta.related.includes(candidate)}
          verb="添加"
          hints={{ idle: '输入关键词查找要关联的案例。', found: '按“添加”加入。' }}
          onPick={(picked) => onMeta({ related: [...meta.related, picked] })}
        />
        <Problems errors={gate.get('related')} />
      </div>
    </section>
  );
}
