import { RuleEngineError, type Ruling } from '../rules/index.ts';
import {
  answerOf,
  deriveKey,
  scenarioFacts,
  isReplyItem,
  judgeReplies,
  UnkeyableItemError,
  UnkeyableReplyError,
  UnknownCaseError,
  type ValueItem,
  type Item,
  type Key,
  type MultipleChoiceItem,
  type Scenario,
  type SingleChoiceItem,
} from '../quiz/index.ts';
import type { AuthorError } from './author-error.ts';
import { answerText, askedFieldText, ruleBehind, traceFor } from './asked-field-text.ts';
import { factsReadBy } from './deciding-chain.ts';
import { showFact } from './expected-mismatch.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { orderingErrors } from './ordering-answer.ts';
import { replyAnswerErrors, unkeyableReplyErrors } from './reply-answer.ts';
import { fieldText, type FieldPath } from './question-paths.ts';
import { decideSite, type ScenarioCheckContext } from './scenario-check.ts';

interface Where {
  readonly file: string;
  /** Path of the item, e.g. `['items', 3]`. */
  readonly path: FieldPath;
  readonly locate: Locate;
}

/** The head every item error shares: code, file, item id, the field and its line. */
function errorAt(code: AuthorError['code'], where: Where, itemId: string, field: string) {
  return { code, file: where.file, item: itemId, ...lineOf(where.locate, field), field };
}

/** "Re-check the facts rule X read: …", or a plain pointer when the rule read none. */
function factsHint(ruling: Ruling, target: string): string {
  const read = factsReadBy(ruling, target, showFact);
  return read.length > 0 ? `请核对 ${target} 读取的事实：${read.join('，')}` : '请核对情景的事实是否写全、写对';
}

const optionLabel = (item: SingleChoiceItem, index: number) => `选项 ${index}“${item.options[index]!.text}”`;

function singleErrors(item: ValueItem, key: Extract<Key, { type: 'single' }>, where: Where): AuthorError[] {
  if (key.answer === item.answer) return [];
  const ruling = key.rulings[0]!;
  const field = fieldText([...where.path, 'answer']);
  const wrote = item.options[item.answer]!;
  return [
    {
      ...errorAt('EXPECTED_MISMATCH', where, item.id, field),
      wrote: `answer: ${item.answer}，即${optionLabel(item, item.answer)}（代表 ${answerText(item.ask, wrote.value)}）`,
      decided: `${askedFieldText(item.ask)} 是 ${answerText(item.ask, key.value)}，即${optionLabel(item, key.answer)}`,
      trace: traceFor(item.ask, ruling),
      fix: `如果情景写得没错，把 answer 改为 ${key.answer}。如果你确信${optionLabel(item, item.answer)}才对，说明情景没有写出得出它的事实：${factsHint(ruling, ruleBehind(item.ask, ruling))}。`,
    },
  ];
}

/** The scenario a statement is decided on (the gate has already refused statements with none). */
const statementScenario = (item: MultipleChoiceItem, index: number) => (item.statements[index]!.scenario ?? item.scenario)!;

function multipleErrors(item: MultipleChoiceItem, key: Extract<Key, { type: 'multiple' }>, where: Where, context: ScenarioCheckContext): AuthorError[] {
  const errors: AuthorError[] = [];
  const holds = item.statements.map((_, index) => key.answer.includes(index));
  const verdict = (index: number) => {
    const { claim } = item.statements[index]!;
    const ruling = key.rulings[index]!;
    const value = answerOf(claim.ask, ruling, scenarioFacts(statementScenario(item, index), context).facts);
    return `${askedFieldText(claim.ask)} 是 ${answerText(claim.ask, value)}，陈述断言 ${answerText(claim.ask, claim.equals)}，${holds[index] ? '成立' : '不成立'}`;
  };
  const answerField = fieldText([...where.path, 'answer']);
  const corrected = `[${key.answer.join(', ')}]`;
  item.statements.forEach((statement, index) => {
    const written = item.answer.includes(index);
    if (written === holds[index]) return;
    const ruling = key.rulings[index]!;
    errors.push({
      ...errorAt('EXPECTED_MISMATCH', where, item.id, answerField),
      wrote: `answer: [${item.answer.join(', ')}]，${written ? '认为' : '没有选'}陈述 ${index}“${statement.text}”${written ? '成立' : ''}`,
      decided: `陈述 ${index}：${verdict(index)}`,
      trace: traceFor(statement.claim.ask, ruling),
      fix: `如果情景写得没错，把 answer 改为 ${corrected}。如果你确信陈述 ${index} ${written ? '成立' : '不成立'}，说明它的情景没有写出得出它的事实：${factsHint(ruling, ruleBehind(statement.claim.ask, ruling))}。`,
    });
  });
  if (key.answer.length === 0 || key.answer.length === item.statements.length) {
    const all = key.answer.length > 0;
    const field = fieldText([...where.path, 'statements']);
    errors.unshift({
      ...errorAt('ONE_SIDED_STATEMENTS', where, item.id, field),
      wrote: `${item.statements.length} 条陈述`,
      decided: item.statements.map((_, index) => `陈述 ${index}：${verdict(index)}`).join('；'),
      trace: [],
      fix: `改写至少一条陈述，让它${all ? '不成立' : '成立'}：改它的 claim.equals，或给它一个 scenario 让结论${all ? '不同' : '相符'}。全对或全错的多选题，学员不用懂规则也能蒙对。`,
    });
  }
  return errors;
}

function truefalseErrors(item: Extract<Item, { type: 'truefalse' }>, key: Extract<Key, { type: 'truefalse' }>, where: Where): AuthorError[] {
  if (key.answer === item.answer) return [];
  const ruling = key.rulings[0]!;
  const field = fieldText([...where.path, 'answer']);
  const { ask, equals } = item.claim;
  const claimText = `“${askedFieldText(ask)} 是 ${answerText(ask, equals)}”`;
  return [
    {
      ...errorAt('EXPECTED_MISMATCH', where, item.id, field),
      wrote: `answer: ${item.answer}（认为断言${claimText}${item.answer ? '成立' : '不成立'}）`,
      decided: `${askedFieldText(ask)} 是 ${answerText(ask, key.value)}，断言${key.answer ? '成立' : '不成立'}`,
      trace: traceFor(ask, ruling),
      fix: `如果情景写得没错，把 answer 改为 ${key.answer}。如果你确信断言${item.answer ? '成立' : '不成立'}，说明情景没有写出得出它的事实：${factsHint(ruling, ruleBehind(ask, ruling))}。`,
    },
  ];
}

function unkeyableErrors(item: ValueItem, error: UnkeyableItemError, where: Where, context: ScenarioCheckContext): AuthorError[] {
  const decided = decideSite({ file: where.file, item: item.id, path: [...where.path, 'scenario'], scenario: item.scenario }, context, where.locate);
  const trace = 'ruling' in decided ? traceFor(item.ask, decided.ruling) : [];
  const engine = `${askedFieldText(item.ask)} 是 ${answerText(item.ask, error.engineValue)}`;
  const value = typeof error.engineValue === 'string' ? `"${error.engineValue}"` : String(error.engineValue);
  if (error.matches.length === 0) {
    const field = fieldText([...where.path, 'options']);
    return [
      {
        ...errorAt('NO_CORRECT_OPTION', where, item.id, field),
        wrote: item.options.map((option, index) => `${index}. ${answerText(item.ask, option.value)}`).join('；'),
        decided: engine,
        problem: '没有一个选项的 value 代表这个取值，学员选什么都不对。',
        trace,
        fix: `把正确的那个选项的 value 改成 ${value}（或加一个这样的选项），并让 answer 指向它。如果你认为引擎判错了，先核对情景的事实。`,
      },
    ];
  }
  const [first, ...others] = error.matches;
  const field = fieldText([...where.path, 'options', others[0]!, 'value']);
  return [
    {
      ...errorAt('AMBIGUOUS_OPTIONS', where, item.id, field),
      wrote: `${error.matches.map((index) => `${index}. ${item.options[index]!.text}`).join('；')}（value 都是 ${answerText(item.ask, error.engineValue)}）`,
      decided: engine,
      problem: `选项 ${error.matches.join('、')} 都代表这个取值，选哪个都算对。`,
      trace,
      fix: `只保留一个代表 ${value} 的选项（例如选项 ${first}），把其余选项改成别的取值：最好是学员常犯的错误答案。`,
    },
  ];
}

/** Every scenario an item is decided on, with where it is written, without repeats. */
function scenarioSites(item: Item, path: FieldPath): { path: FieldPath; scenario: Scenario }[] {
  if (item.type === 'ordering') return [];
  if (item.type !== 'multiple') return [{ path: [...path, 'scenario'], scenario: item.scenario }];
  const sites: { path: FieldPath; scenario: Scenario }[] = [];
  if (item.scenario) sites.push({ path: [...path, 'scenario'], scenario: item.scenario });
  item.statements.forEach((statement, index) => {
    if (statement.scenario) sites.push({ path: [...path, 'statements', index, 'scenario'], scenario: statement.scenario });
  });
  return sites;
}

/**
 * Keys a schema-valid item with `deriveKey` and compares the key with the author's `answer`: EXPECTED_MISMATCH,
 * ONE_SIDED_STATEMENTS, STEPS_MISMATCH, NO_CORRECT_OPTION, AMBIGUOUS_OPTIONS, and the scenario errors (UNKNOWN_CASE,
 * INVALID_FACTS, MISSING_FACT, CONTRADICTORY_FACTS). The key comes back whenever the item could be keyed.
 */
export function checkItemAnswer(item: Item, where: Where, context: ScenarioCheckContext): { errors: AuthorError[]; key?: Key } {
  let key: Key;
  try {
    key = deriveKey(item, context);
  } catch (error) {
    if (error instanceof UnkeyableItemError && item.type === 'single') return { errors: unkeyableErrors(item as ValueItem, error, where, context) };
    if (error instanceof UnkeyableReplyError && item.type === 'single' && isReplyItem(item)) {
      const decided = decideSite({ file: where.file, item: item.id, path: [...where.path, 'scenario'], scenario: item.scenario }, context, where.locate);
      if ('ruling' in decided) return { errors: unkeyableReplyErrors(item, error, decided.ruling, where) };
    }
    if (!(error instanceof RuleEngineError) && !(error instanceof UnknownCaseError)) throw error;
    // deriveKey stops at the first scenario that fails; deciding each one names every broken scenario.
    const errors = scenarioSites(item, where.path).flatMap((site) => {
      const decided = decideSite({ file: where.file, item: item.id, ...site }, context, where.locate);
      return 'errors' in decided ? decided.errors : [];
    });
    if (errors.length === 0) throw error;
    return { errors };
  }
  switch (item.type) {
    case 'single': {
      if (!isReplyItem(item)) return { errors: singleErrors(item as ValueItem, key as Extract<Key, { type: 'single' }>, where), key };
      const ruling = key.rulings[0]!;
      const { facts } = scenarioFacts(item.scenario, context);
      const verdicts = judgeReplies(item, ruling, facts, context.rules?.parseFacts);
      return { errors: replyAnswerErrors(item, verdicts, key.answer as number, ruling, where), key };
    }
    case 'multiple':
      return { errors: multipleErrors(item, key as Extract<Key, { type: 'multiple' }>, where, context), key };
    case 'truefalse':
      return { errors: truefalseErrors(item, key as Extract<Key, { type: 'truefalse' }>, where), key };
    case 'ordering':
      return { errors: orderingErrors(item, key.answer as readonly string[], where), key };
  }
}
