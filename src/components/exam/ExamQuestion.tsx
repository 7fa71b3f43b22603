import { chooseResponse, selectedChoices } from '../../present/exam/index.ts';
import type { AttemptView } from './exam-api.ts';

interface Props {
  readonly number: number;
  readonly question: AttemptView['questions'][number];
  readonly response: unknown;
  readonly onAnswer: (response: unknown) => void;
}

const LETTERS = 'ABCDEFGHIJ';

/**
 * One exam question: the same large option cards as practice (practice.css's `practice-choice`: native radios or
 * checkboxes, the whole row a label, the shortcut number beside it), or up/down reordering of steps. Shows no key; it
 * has none.
 */
export default function ExamQuestion({ number, question, response, onAnswer }: Props) {
  const name = `q-${question.id}`;
  if (question.type === 'ordering') {
    const order = Array.isArray(response) ? (response as string[]) : [...question.choices];
    const move = (from: number, to: number) => {
      const next = [...order];
      [next[from], next[to]] = [next[to]!, next[from]!];
      onAnswer(next);
    };
    return (
      <fieldset>
        <legend>
          {number}. {question.stem}
        </legend>
        <ol class="exam-order">
          {order.map((step, position) => (
            <li key={step}>
              {step}{' '}
              <button type="button" disabled={position === 0} onClick={() => move(position, position - 1)} aria-label={`上移“${step}”`}>
                ↑
              </button>
              <button type="button" disabled={position === order.length - 1} onClick={() => move(position, position + 1)} aria-label={`下移“${step}”`}>
                ↓
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
    );
  }
  const selected = selectedChoices(question, response);
  const isMultiple = question.type === 'multiple';
  return (
    <fieldset>
      <legend>
        {number}. {question.stem}
        {isMultiple ? '（多选）' : ''}
      </legend>
      <ul class="practice-choices">
        {question.choices.map((choice, position) => {
          const id = `${name}-${position}`;
          const isChecked = selected.includes(position);
          return (
            <li key={id}>
              <label class={`practice-choice${isChecked ? ' is-checked' : ''}`} for={id}>
                <input
                  id={id}
                  type={isMultiple ? 'checkbox' : 'radio'}
                  name={name}
                  checked={isChecked}
                  onChange={(event) => onAnswer(chooseResponse(question, response, position, (event.target as HTMLInputElement).checked))}
                />
                <span class="practice-key" aria-hidden="true">
                  {position + 1}
                </span>
                <span>
                  {question.type !== 'truefalse' && <span class="practice-letter">{LETTERS[position] ?? position + 1}. </span>}
                  {choice}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
