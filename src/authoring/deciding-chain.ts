import { ruleById, type Ruling, type TraceStep } from '../rules/index.ts';
import type { TraceLine } from './author-error.ts';

function lineFor(step: TraceStep): TraceLine {
  return { ruleId: step.ruleId, title: ruleById(step.ruleId)?.title ?? '', note: step.note };
}

function catalogueLine(ruleId: string): TraceLine {
  const rule = ruleById(ruleId);
  return { ruleId, title: rule?.title ?? '', note: rule?.statement ?? '' };
}

/**
 * The rules that led to `target`: every platform or law rule that applied before it, then `target` itself (shown even
 * when its condition did not hold, because its note says why). Shop SOP steps are left out: they never decide.
 */
export function decidingChain(ruling: Ruling, target: string): TraceLine[] {
  const index = ruling.trace.findIndex((step) => step.ruleId === target);
  if (index === -1) return [catalogueLine(target)];
  const before = ruling.trace.slice(0, index).filter((step) => step.applied && ruleById(step.ruleId)?.kind !== 'sop');
  return [...before, ruling.trace[index]!].map(lineFor);
}

/** Only `target`'s own step: for values a single rule computes, such as deadlines. */
export function singleStep(ruling: Ruling, target: string): TraceLine[] {
  const step = ruling.trace.find((candidate) => candidate.ruleId === target);
  return step ? [lineFor(step)] : [catalogueLine(target)];
}

/** The facts `target` read, as `path = value`, for pointing the author at what to re-check. */
export function factsReadBy(ruling: Ruling, target: string, show: (path: string, value: unknown) => string): string[] {
  const step = ruling.trace.find((candidate) => candidate.ruleId === target);
  return step ? step.facts.map((read) => `${read.path} = ${show(read.path, read.value)}`) : [];
}
