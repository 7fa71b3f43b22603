import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decide, defaultParameters, editions } from '../src/rules/index.ts';

const CONTENT = fileURLToPath(new URL('../content', import.meta.url));
const cases = readdirSync(join(CONTENT, 'cases')).filter((file) => file.endsWith('.mdx'));
const frontmatter = (text: string) => parse(text.split(/^---$/m)[1]!) as { facts: { channel: string; shipment: { promisedHours?: number } } };

// The 2025 rule text sets no default shipping deadline: 72 h / 48 h / 120 h are this site's parameters (issue 12.5).
describe('shipping-time defaults are taught as the site\'s parameters', () => {
  it('names the parameter and says 本站默认 in the deadline rule\'s trace note', () => {
    const ruling = decide({
      channel: 'tmall',
      order: { paidAt: '2025-09-01 10:00', price: 99, freeShipping: true },
      goods: { name: '测试', sevenDayClass: 'standard', condition: 'intact' },
      shipment: { shipped: true, carrierRecordedAt: '2025-09-02 10:00' },
      delivery: { status: 'signed', signedAt: '2025-09-03 10:00', receivedBy: 'self', confirmation: 'none' },
      claim: { at: '2025-09-04 10:00', type: 'return-and-refund', reason: 'late-shipment' },
    });
    expect(ruling.trace.find((step) => step.ruleId === 'R-SHIP-DEADLINE')?.note).toMatch(/本站默认.*shipDeadlineHours\.tmall/);
  });

  it.each(cases)('%s says 本站默认 and names the parameter wherever it relies on a channel default', (file) => {
    const text = readFileSync(join(CONTENT, 'cases', file), 'utf8');
    const { facts } = frontmatter(text);
    if (facts.shipment.promisedHours !== undefined) return;
    const hours = defaultParameters.shipDeadlineHours[facts.channel as keyof typeof defaultParameters.shipDeadlineHours];
    const body = text.split(/^---$/m).slice(2).join('---');
    if (!new RegExp(`${hours} ?小时`).test(body)) return;
    expect(body).toContain('本站默认');
    expect(body).toContain(`shipDeadlineHours.${facts.channel}`);
  });
});

describe('the legacy edition', () => {
  it('is labelled everywhere as 旧版措辞（示例，非官方文本）, with what it is based on', () => {
    const legacy = editions.find((edition) => edition.id === 'legacy')!;
    expect(legacy.title).toBe('旧版措辞（示例，非官方文本）');
    expect(legacy.description).toMatch(/第三方.*协议/);
  });
});
