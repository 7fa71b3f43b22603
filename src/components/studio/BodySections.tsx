import { useEffect, useState } from 'preact/hooks';
import type { BodySection } from '../../present/studio/index.ts';
import { studioCall } from './studio-api.ts';

interface Props {
  readonly sections: readonly BodySection[];
  readonly onSection: (heading: string, markdown: string) => void;
}

const PREVIEW_DEBOUNCE_MS = 400;

const HINTS: Readonly<Record<string, string>> = {
  情景: '买家与客服的对话，用引用（>）写。',
  核实要点: '客服要核实的事项，一行一条（- ）。',
  回复话术: '给买家的回复，用引用（>）写。',
  裁决与理由: '案例页默认折叠这一节（“查看裁决”）。',
  常见错误: '客服常犯的错误，一行一条（- ）。',
};

/** One section: its Markdown and a preview rendered on the server by the case pages' processor. */
function SectionEditor({ section, index, onSection }: { readonly section: BodySection; readonly index: number } & Pick<Props, 'onSection'>) {
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const answer = await studioCall<{ html: string }>('POST', '/api/studio/preview', { markdown: section.markdown }, controller.signal);
        setFailed(!answer.ok);
        if (answer.ok) setHtml(answer.body.html);
      } catch {
        // Aborted by the next keystroke.
      }
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [section.markdown]);
  const id = `section-${index}`;
  return (
    <div class="body-section">
      <div class="body-input">
        <label for={id}>
          <span class="section-heading">## {section.heading}</span>
        </label>
        <textarea id={id} rows={8} value={section.markdown} aria-describedby={`${id}-hint`} onInput={(event) => onSection(section.heading, event.currentTarget.value)} />
        <p class="field-hint" id={`${id}-hint`}>
          {HINTS[section.heading] ?? 'Markdown。'}
        </p>
      </div>
      <div class="body-preview" aria-label={`「${section.heading}」预览`} role="region">
        <h3>{section.heading}</h3>
        {failed ? <p class="muted">预览暂时不可用。</p> : html === null ? <p class="muted">正在生成预览…</p> : <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />}
      </div>
    </div>
  );
}

/** The five body sections (情景 / 核实要点 / 回复话术 / 裁决与理由 / 常见错误) and any others the file has. */
export function BodySections({ sections, onSection }: Props) {
  return (
    <section class="studio-panel body-sections" aria-labelledby="body-title">
      <h2 id="body-title">正文</h2>
      <p class="section-hint">每节用 Markdown 书写；右侧（手机上在下方）是案例页的显示效果。</p>
      {sections.map((section, index) => (
        <SectionEditor key={section.heading} section={section} index={index} onSection={onSection} />
      ))}
    </section>
  );
}
