import type { Draft } from '../../present/sandbox/index.ts';
import type { SectionModel } from '../../present/sandbox/index.ts';
import { FactField } from './FactField.tsx';
import { sectionAddId, sectionId } from '../../present/sandbox/index.ts';

interface Props {
  readonly section: SectionModel;
  readonly draft: Draft;
  /** Field path → message to show under it. */
  readonly errors: ReadonlyMap<string, string>;
  readonly onText: (path: string, text: string) => void;
  readonly onSection: (path: string, isPresent: boolean) => void;
  /** Heading level of this section's title; nested sections go one deeper. */
  readonly level: 2 | 3 | 4;
}

/**
 * One object of the fact model. An optional object that is absent shows only an "add" button: its facts are not
 * in the scenario at all, which the engine reads differently from facts that are present and false.
 */
export function FactSection({ section, draft, errors, onText, onSection, level }: Props) {
  const id = sectionId(section.path);
  const headingId = `${id}-title`;
  const isPresent = !section.optional || draft.sections.includes(section.path);
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  const nextLevel = Math.min(level + 1, 4) as 3 | 4;

  return (
    <section class={`fact-section${isPresent ? '' : ' is-absent'}`} id={id} aria-labelledby={headingId}>
      <div class="section-head">
        <Heading id={headingId}>
          {section.label}
          {section.optional && <span class="optional">{isPresent ? '可选' : '未填写'}</span>}
        </Heading>
        {section.optional && isPresent && (
          <button type="button" class="link-button" onClick={() => onSection(section.path, false)}>
            移除「{section.label}」
          </button>
        )}
      </div>
      {section.hint && <p class="section-hint">{section.hint}</p>}
      {isPresent ? (
        <>
          {section.fields.length > 0 && (
            <div class="field-grid">
              {section.fields.map((field) => (
                <FactField
                  key={field.path}
                  field={field}
                  text={draft.values[field.path] ?? ''}
                  error={errors.get(field.path)}
                  onText={onText}
                />
              ))}
            </div>
          )}
          {section.sections.map((child) => (
            <FactSection
              key={child.path}
              section={child}
              draft={draft}
              errors={errors}
              onText={onText}
              onSection={onSection}
              level={nextLevel}
            />
          ))}
        </>
      ) : (
        <button type="button" class="add-button" id={sectionAddId(section.path)} onClick={() => onSection(section.path, true)}>
          添加「{section.label}」
        </button>
      )}
      {errors.has(section.path) && <p class="field-error">{errors.get(section.path)}</p>}
    </section>
  );
}
