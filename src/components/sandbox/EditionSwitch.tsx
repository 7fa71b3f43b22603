import { editions, type EditionId } from '../../rules/index.ts';

interface Props {
  readonly edition: EditionId;
  readonly onEdition: (edition: EditionId) => void;
}

/** Which policy edition decide() runs under; the case's own edition is chosen when a case is loaded. */
export function EditionSwitch({ edition, onEdition }: Props) {
  return (
    <fieldset class="edition-switch">
      <legend>规则版本</legend>
      {editions.map((item) => (
        <label key={item.id} class="choice" title={item.description}>
          <input type="radio" name="sandbox-edition" value={item.id} checked={edition === item.id} onChange={() => onEdition(item.id)} />
          {item.title}
        </label>
      ))}
    </fieldset>
  );
}
