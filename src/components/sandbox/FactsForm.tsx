import type { Draft } from '../../present/sandbox/index.ts';
import type { SectionModel } from '../../present/sandbox/index.ts';
import { FactField } from './FactField.tsx';
import { FactSection } from './FactSection.tsx';

interface Props {
  readonly model: SectionModel;
  readonly draft: Draft;
  readonly errors: ReadonlyMap<string, string>;
  readonly onText: (path: string, text: string) => void;
  readonly onSection: (path: string, isPresent: boolean) => void;
}

/** The scenario's facts, generated from the fact model: top-level facts first, then one section per object. */
export function FactsForm({ model, draft, errors, onText, onSection }: Props) {
  return (
    <form class="facts-form" aria-labelledby="facts-form-title" onSubmit={(event) => event.preventDefault()} noValidate>
      <h2 id="facts-form-title">情景事实</h2>
      <p class="section-hint">留空的事实视为“没有写出”，不等于“否”；规则需要却没有写出的事实，会在右侧（手机上在下方）提示。</p>
      <div class="field-grid">
        {model.fields.map((field) => (
          <FactField key={field.path} field={field} text={draft.values[field.path] ?? ''} error={errors.get(field.path)} onText={onText} />
        ))}
      </div>
      {model.sections.map((section) => (
        <FactSection
          key={section.path}
          section={section}
          draft={draft}
          errors={errors}
          onText={onText}
          onSection={onSection}
          level={3}
        />
      ))}
    </form>
  );
}
