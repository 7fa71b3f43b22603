// What the sandbox island needs: its own entry, so the island bundles only the sandbox models.
export * from './fact-description.ts';
export * from './fact-draft.ts';
export * from './fact-form-model.ts';
export * from './form-index.ts';
export * from './facts-yaml.ts';
export * from './field-ids.ts';
export * from './ruling-changes.ts';
export * from './ruling-format.ts';
export * from './ruling-view.ts';
export * from './sandbox-cases.ts';
export * from './sandbox-outcome.ts';
export * from './sandbox-evaluation.ts';
export { traceView } from '../trace.ts';
export * from './sandbox-state.ts';
export * from './plain-messages.ts';
