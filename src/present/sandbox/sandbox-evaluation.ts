import type { DecideOptions } from '../../rules/index.ts';
import type { FieldError } from './fact-draft.ts';
import { plainOutcome, type FormLabels } from './plain-messages.ts';
import { rulingView, type RulingView } from './ruling-view.ts';
import { sandboxOutcome, type SandboxOutcome } from './sandbox-outcome.ts';

/**
 * One decision as the sandbox panel needs it: the engine's outcome (what the reducer compares), the same in plain
 * Chinese (what the panel says) and, for a ruling, its view (trace rows and rule titles looked up). The browser
 * computes it with the engine once that has loaded; the build computes it for each case's own facts
 * (src/pages/sandbox/outcomes/, `sandboxCaseOutcomePath`), so the first ruling a page shows needs no engine.
 */
export interface SandboxEvaluation {
  readonly outcome: SandboxOutcome;
  readonly shown: SandboxOutcome;
  readonly view: RulingView | null;
}

export function sandboxEvaluation(facts: unknown, fieldErrors: readonly FieldError[], options: DecideOptions, labels: FormLabels): SandboxEvaluation {
  const outcome = sandboxOutcome(facts, fieldErrors, options);
  const shown = plainOutcome(outcome, labels);
  return { outcome, shown, view: shown.kind === 'ruling' ? rulingView(shown.ruling) : null };
}
