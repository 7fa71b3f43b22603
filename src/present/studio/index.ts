// What the studio islands need: their own entry, so a studio bundle takes only the studio and sandbox models.
export * from './case-editor.ts';
export * from './expected-form.ts';
export * from './gate-errors.ts';
export * from './policy-form.ts';
export * from './question-preview.ts';
export * from './question-form.ts';
export * from './draft-autosave.ts';
export * from './revision-diff.ts';
