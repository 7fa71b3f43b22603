interface Props {
  readonly steps: readonly string[];
  readonly onMove: (from: number, to: number) => void;
}

/**
 * Steps to put in order, each with 上移 / 下移 buttons named after the step, so ordering needs neither a mouse nor
 * dragging. An end button is aria-disabled rather than disabled: a disabled button would drop keyboard focus the
 * moment a step reaches the top or bottom. The caller refocuses the moved step's button and announces its place.
 */
export function OrderingList({ steps, onMove }: Props) {
  return (
    <ol class="practice-ordering">
      {steps.map((step, index) => (
        <li key={step} data-step={step}>
          <span class="practice-step-number" aria-hidden="true">
            {index + 1}
          </span>
          <span class="practice-step-text">{step}</span>
          <span class="practice-step-moves">
            <button
              type="button"
              class="practice-move"
              data-move="up"
              aria-label={`上移“${step}”`}
              aria-disabled={index === 0 ? 'true' : undefined}
              onClick={() => index > 0 && onMove(index, index - 1)}
            >
              ↑<span aria-hidden="true"> 上移</span>
            </button>
            <button
              type="button"
              class="practice-move"
              data-move="down"
              aria-label={`下移“${step}”`}
              aria-disabled={index === steps.length - 1 ? 'true' : undefined}
              onClick={() => index < steps.length - 1 && onMove(index, index + 1)}
            >
              ↓<span aria-hidden="true"> 下移</span>
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
