import type { Ref } from 'preact';
import { difficulties } from '../../quiz/topics.ts';
import type { PracticeItem } from '../../quiz/index.ts';
import { keyAnswer, type Answer } from '../../present/practice/index.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { OrderingList } from './OrderingList.tsx';

const TYPE_LABELS: Record<PracticeItem['type'], string> = {
  single: '单选题',
  multiple: '多选题',
  truefalse: '判断题',
  ordering: '排序题',
};

const HOW_TO: Record<PracticeItem['type'], string> = {
  single: '选一个答案。键盘：数字键或方向键选择，Enter 提交。',
  multiple: '选出所有正确的说法，可以多选，也可以一个都不选。键盘：数字键勾选，方向键移动，Enter 提交。',
  truefalse: '判断说法是否成立。键盘：数字键或方向键选择，Enter 提交。',
  ordering: '用“上移”“下移”按钮把步骤排成正确的顺序，然后提交。',
};

interface Props {
  readonly item: PracticeItem;
  readonly position: number;
  readonly total: number;
  /** Null until the trainee picks a single or true/false answer. */
  readonly answer: Answer | null;
  /** After submitting: the choices are locked and marked right or wrong. */
  readonly isLocked: boolean;
  readonly problem: string | null;
  readonly onAnswer: (answer: Answer) => void;
  /** After an ordering move: the new order, the step moved, its new place (from 1) and the button used. */
  readonly onMoved: (answer: Answer, step: string, place: number, direction: 'up' | 'down') => void;
  readonly onSubmit: () => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

/** The selected choice indices of an answer, for checked states. */
function selectedOf(answer: Answer | null): number[] {
  if (typeof answer === 'number') return [answer];
  return Array.isArray(answer) && answer.every((value) => typeof value === 'number') ? [...(answer as number[])] : [];
}

/** One question: its stem as the legend of a native form group, the choices, and the submit button. */
export function QuestionCard({ item, position, total, answer, isLocked, problem, onAnswer, onMoved, onSubmit, headingRef }: Props) {
  const selected = selectedOf(answer);
  const toggle = (index: number) => {
    if (item.type !== 'multiple') return onAnswer(index);
    onAnswer(selected.includes(index) ? selected.filter((value) => value !== index) : [...selected, index].sort((a, b) => a - b));
  };
  const move = (from: number, to: number) => {
    const steps = [...((answer as readonly string[] | null) ?? item.choices)];
    const [step] = steps.splice(from, 1);
    steps.splice(to, 0, step!);
    onMoved(steps, step!, to + 1, to < from ? 'up' : 'down');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Browsers submit a form on Enter only from text fields; practice forms have radios and checkboxes.
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      onSubmit();
    }
  };
  const key = keyAnswer(item);
  const keyIndices = typeof key === 'number' ? [key] : item.type === 'multiple' ? (key as number[]) : [];
  return (
    <form
      class="practice-question"
      data-item-id={item.id}
      aria-labelledby="practice-question-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="practice-question-heading" ref={headingRef} tabIndex={-1}>
        第 {position} 题<span class="practice-of">（共 {total} 题）</span>
      </h2>
      <p class="practice-meta">
        <span class="tag">{TYPE_LABELS[item.type]}</span> <span class="tag">{difficulties[item.difficulty]}</span>
      </p>
      <fieldset disabled={isLocked} aria-describedby="practice-how-to">
        <legend class="practice-stem">{item.stem}</legend>
        <p id="practice-how-to" class="practice-how-to muted">
          {HOW_TO[item.type]}
        </p>
        {item.type === 'ordering' ? (
          <OrderingList steps={(answer as readonly string[] | null) ?? item.choices} onMove={move} />
        ) : (
          <ChoiceList
            isMultiple={item.type === 'multiple'}
            name={`choice-${item.id}`}
            choices={item.choices}
            isLettered={item.type !== 'truefalse'}
            selected={selected}
            onToggle={toggle}
            marks={isLocked ? { key: keyIndices, chosen: selected } : undefined}
          />
        )}
      </fieldset>
      {problem && (
        <p class="practice-problem" role="alert">
          {problem}
        </p>
      )}
      {!isLocked && (
        <p class="practice-actions">
          <button type="submit" class="practice-button practice-primary">
            提交答案
          </button>
        </p>
      )}
    </form>
  );
}
