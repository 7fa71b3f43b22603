import { choiceLetter } from '../../present/practice/index.ts';

interface Props {
  /** Radios for one answer, checkboxes for several. */
  readonly isMultiple: boolean;
  readonly name: string;
  readonly choices: readonly string[];
  /** Letters before the texts (A, B, …); true/false labels stand alone. */
  readonly isLettered: boolean;
  readonly selected: readonly number[];
  readonly onToggle: (index: number) => void;
  /** After submitting: which choices are the key and which the trainee chose, shown in words, not colour alone. */
  readonly marks?: { readonly key: readonly number[]; readonly chosen: readonly number[] } | undefined;
}

/** Focuses the choice `step` places away (wrapping), for the arrow keys in a checkbox list; radios move natively. */
function moveFocus(event: KeyboardEvent, step: number) {
  const inputs = [...((event.currentTarget as HTMLElement).querySelectorAll('input') as NodeListOf<HTMLInputElement>)];
  const at = inputs.indexOf(event.target as HTMLInputElement);
  if (at === -1) return;
  event.preventDefault();
  inputs[(at + step + inputs.length) % inputs.length]?.focus();
}

/**
 * The choices as native radios or checkboxes inside the question's fieldset, so browsers and screen readers supply
 * group semantics, arrow keys (radios) and Space; each whole row is the label, a large target for touch.
 */
export function ChoiceList({ isMultiple, name, choices, isLettered, selected, onToggle, marks }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isMultiple) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') moveFocus(event, 1);
    if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') moveFocus(event, -1);
  };
  return (
    <ul class="practice-choices" onKeyDown={onKeyDown}>
      {choices.map((text, index) => {
        const id = `${name}-${index}`;
        const isChecked = selected.includes(index);
        const isKey = marks?.key.includes(index) ?? false;
        const mark = !marks ? null : isKey ? '✓ 正确答案' : isChecked ? '✗ 你的选择' : null;
        const state = !marks ? '' : isKey ? ' is-key' : isChecked ? ' is-wrong' : '';
        return (
          <li key={id}>
            <label class={`practice-choice${isChecked ? ' is-checked' : ''}${state}`} for={id}>
              <input
                id={id}
                type={isMultiple ? 'checkbox' : 'radio'}
                name={name}
                value={String(index)}
                checked={isChecked}
                onChange={() => onToggle(index)}
              />
              <span class="practice-key" aria-hidden="true">
                {index + 1}
              </span>
              <span>
                {isLettered && <span class="practice-letter">{choiceLetter(index)}. </span>}
                {text}
                {mark && <strong class="practice-mark">{mark}</strong>}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
