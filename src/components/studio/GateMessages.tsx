import { gateErrorLines, type GateErrorView } from '../../present/studio/index.ts';

interface Props {
  readonly errors: readonly GateErrorView[];
  /** Also name the file and field (for errors not shown at their field). */
  readonly withLocation?: boolean;
}

/** The content gate's author-grade messages, line by line as the CLI prints them. */
export function GateMessages({ errors, withLocation = false }: Props) {
  return (
    <ul class="gate-messages">
      {errors.map((error, index) => (
        <li key={index} class="gate-message">
          <p class="gate-code">
            {withLocation && (
              <>
                <code>
                  {error.file}
                  {error.line !== undefined ? `:${error.line}` : ''}
                </code>{' '}
                <code>{error.field}</code>{' '}
              </>
            )}
            内容检查 {error.code}
          </p>
          {gateErrorLines(error).map((line, n) => (
            <p key={n}>{line}</p>
          ))}
        </li>
      ))}
    </ul>
  );
}
