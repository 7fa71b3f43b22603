import type { FieldModel, SectionModel } from './fact-form-model.ts';

// Lookups over a form model, apart from fact-form-model.ts: the sandbox island receives its model from the page and
// needs these without the schema walk (and so without the fact model and zod).

/** Every field in the model by path. */
export function fieldIndex(model: SectionModel): ReadonlyMap<string, FieldModel> {
  const index = new Map<string, FieldModel>();
  const visit = (section: SectionModel) => {
    for (const field of section.fields) index.set(field.path, field);
    section.sections.forEach(visit);
  };
  visit(model);
  return index;
}

/** Every section in the model by path (the root under ''). */
export function sectionIndex(model: SectionModel): ReadonlyMap<string, SectionModel> {
  const index = new Map<string, SectionModel>();
  const visit = (section: SectionModel) => {
    index.set(section.path, section);
    section.sections.forEach(visit);
  };
  visit(model);
  return index;
}
