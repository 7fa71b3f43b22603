import type { AttemptView } from './exam-api.ts';

interface Props {
  readonly number: number;
  readonly question: AttemptView['questions'][number];
  readonly response: unknown;
  readonly onAnswer: (response: unknown) => void;
}

/** One exam question: radio buttons, checkboxes, or up/down reordering of steps. Shows no key; it has none. */
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
  const selected = (choice: number) =>
    question.type === 'multiple' ? Array.isArray(response) && (response as number[]).includes(choice) : question.type === 'truefalse' ? response === (choice === 0) : response === choice;
  const choose = (choice: number, checked: boolean) => {
    if (question.type === 'truefalse') return onAnswer(choice === 0);
    if (question.type === 'single') return onAnswer(choice);
    const current = Array.isArray(response) ? (response as number[]) : [];
    onAnswer(checked ? [...current, choice].sort((a, b) => a - b) : current.filter((value) => value !== choice));
  };
  return (
    <fieldset>
      <legend>
        {number}. {question.stem}
        {question.type === 'multiple' ? '（多选）' : ''}
      </legend>
      {question.choices.map((choice, position) => (
        <label class="exam-choice">
          <input
            type={question.type === 'multiple' ? 'checkbox' : 'radio'}
            name={name}
            checked={selected(position)}
            onChange={(event) => choose(position, (event.target as HTMLInputElement).checked)}
          />
          {choice}
        </label>
      ))}
    </fieldset>
  );
}
