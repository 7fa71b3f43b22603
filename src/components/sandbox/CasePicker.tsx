import type { SandboxCaseGroup } from '../../present/sandbox/index.ts';

interface Props {
  readonly groups: readonly SandboxCaseGroup[];
  /** Slug of the loaded case, '' for the blank scenario. */
  readonly slug: string;
  readonly onPick: (slug: string) => void;
}

/** Every case, grouped by its first topic, plus a blank scenario to build from scratch. */
export function CasePicker({ groups, slug, onPick }: Props) {
  return (
    <div class="case-picker">
      <label for="sandbox-case">从案例开始</label>
      <select id="sandbox-case" value={slug} onChange={(event) => onPick(event.currentTarget.value)}>
        <option value="">空白情景（从头填写）</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.cases.map((item) => (
              <option key={item.slug} value={item.slug}>
                {item.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {slug && (
        <a class="case-link" href={`/cases/${slug}`}>
          阅读这个案例
        </a>
      )}
    </div>
  );
}
