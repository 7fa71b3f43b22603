import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decide } from './decide.ts';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

function block(label: string): string {
  const match = new RegExp('```' + label + '\\n([\\s\\S]*?)```').exec(readme);
  if (!match?.[1]) throw new Error(`README.md has no \`\`\`${label} block`);
  return match[1];
}

describe('src/rules/README.md worked example', () => {
  const ruling = decide(parse(block('yaml facts')));

  it('rules as the README says', () => {
    expect(ruling).toMatchObject(JSON.parse(block('json ruling')));
  });

  it('explains itself with the trace the README shows', () => {
    const platformTrace = ruling.trace
      .filter((step) => !step.ruleId.startsWith('SOP-'))
      .map((step) => `${step.applied ? '✓' : '·'} ${step.ruleId} ${step.note}`);
    expect(platformTrace).toEqual(block('text trace').trim().split('\n'));
  });
});
