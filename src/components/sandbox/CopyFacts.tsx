import { useEffect, useRef, useState } from 'preact/hooks';
import { factsToYaml } from '../../present/sandbox/index.ts';

interface Props {
  /** Called on click so the copy reflects the form at that moment, not at the last ruling. */
  readonly facts: () => Record<string, unknown>;
}

type Format = 'YAML' | 'JSON';

/**
 * Copies the current facts for a case author: YAML in the frontmatter's own style, or JSON. Where the clipboard is
 * unavailable (plain http, permission refused) the text is shown selected instead, so it can be copied by hand.
 */
export function CopyFacts({ facts }: Props) {
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<{ format: Format; text: string } | null>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (manual) manualRef.current?.select();
  }, [manual]);

  const copy = async (format: Format) => {
    const current = facts();
    const text = format === 'YAML' ? factsToYaml(current) : `${JSON.stringify(current, null, 2)}\n`;
    try {
      await navigator.clipboard.writeText(text);
      setManual(null);
      setStatus(`已复制 ${format} 格式的事实。`);
    } catch {
      setManual({ format, text });
      setStatus(`浏览器不允许直接复制：${format} 已显示在下方并选中，请按 Ctrl+C（Mac 上 ⌘C）复制。`);
    }
  };

  return (
    <div class="copy-facts">
      <button type="button" onClick={() => void copy('YAML')}>
        复制事实 YAML
      </button>
      <button type="button" onClick={() => void copy('JSON')}>
        复制事实 JSON
      </button>
      <p class="copy-status" role="status">
        {status}
      </p>
      {manual && (
        <textarea ref={manualRef} class="copy-manual" readOnly rows={10} aria-label={`事实（${manual.format}）`} value={manual.text} />
      )}
    </div>
  );
}
