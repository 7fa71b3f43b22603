import { withoutBlanks, withoutDates } from './normalize-frontmatter.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An answer value read as a YAML timestamp, spelt with its time even at midnight: answers are compared as text, and
 * an unquoted `2025-09-11 00:00:00` must still equal the engine's `2025-09-11 00:00` (a fact keeps the date alone,
 * which the engine reads as midnight anyway).
 */
function answerAsWritten(value: unknown): unknown {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return value;
  const seconds = value.getUTCSeconds();
  const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  return `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

function withAnswerTimes(claim: unknown): unknown {
  return isRecord(claim) && 'equals' in claim ? { ...claim, equals: answerAsWritten(claim['equals']) } : claim;
}

function withFactsUnblanked(scenario: unknown): unknown {
  return isRecord(scenario) && 'facts' in scenario ? { ...scenario, facts: withoutBlanks(scenario.facts) } : scenario;
}

const mapStatements = (item: Record<string, unknown>, change: (statement: Record<string, unknown>) => Record<string, unknown>) =>
  Array.isArray(item['statements']) ? { statements: item['statements'].map((statement) => (isRecord(statement) ? change(statement) : statement)) } : {};

/** An option's value, or each promise of a reply option, with its answer time as written. */
function withOptionTimes(option: unknown): unknown {
  if (!isRecord(option)) return option;
  if ('value' in option) return { ...option, value: answerAsWritten(option['value']) };
  return Array.isArray(option['promises']) ? { ...option, promises: option['promises'].map(withAnswerTimes) } : option;
}

function withAnswerTimesIn(item: unknown): unknown {
  if (!isRecord(item)) return item;
  return {
    ...item,
    ...('claim' in item ? { claim: withAnswerTimes(item['claim']) } : {}),
    ...(Array.isArray(item['options'])
      ? { options: item['options'].map(withOptionTimes) }
      : {}),
    ...mapStatements(item, (statement) => ('claim' in statement ? { ...statement, claim: withAnswerTimes(statement['claim']) } : statement)),
  };
}

function withFactsUnblankedIn(item: unknown): unknown {
  if (!isRecord(item)) return item;
  return {
    ...item,
    ...('scenario' in item ? { scenario: withFactsUnblanked(item['scenario']) } : {}),
    ...mapStatements(item, (statement) => ('scenario' in statement ? { ...statement, scenario: withFactsUnblanked(statement['scenario']) } : statement)),
  };
}

/**
 * A question file as the gate and the pages read it: YAML timestamps back to the text the author wrote (js-yaml,
 * which both the CLI and Astro read question files with, turns unquoted times with seconds and bare dates into
 * Dates), answer values always with their time, and blank facts left out of full `facts`, as in cases. A `patch` keeps
 * its nulls: there `null` removes a fact of the case.
 */
export function normalizeQuestionFile(data: unknown): unknown {
  if (!isRecord(data)) return withoutDates(data);
  // Answers first, while their Dates can still be told apart from facts' dates.
  const answers = Array.isArray(data['items']) ? { ...data, items: data['items'].map(withAnswerTimesIn) } : data;
  const plain = withoutDates(answers) as Record<string, unknown>;
  const result: Record<string, unknown> = { ...plain };
  if (Array.isArray(plain['items'])) result['items'] = plain['items'].map(withFactsUnblankedIn);
  if (Array.isArray(plain['templates'])) {
    result['templates'] = plain['templates'].map((template) => (isRecord(template) && 'facts' in template ? { ...template, facts: withoutBlanks(template['facts']) } : template));
  }
  return result;
}
