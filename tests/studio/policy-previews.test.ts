import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ShopPolicySchema, type ShopPolicy } from '../../src/rules/index.ts';
import { policyPreview, type PolicyPreview, type PolicyPreviewStage } from '../../src/server/impact/index.ts';
import { PolicyPreviews, previewJobStatus, StudioContent, type PreviewJob } from '../../src/server/studio/index.ts';

vi.setConfig({ testTimeout: 180_000 });

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'studiojobs-previews-'));
const contentDir = join(scratch, 'content');
cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
const studio = new StudioContent({ contentDir, dataDir: join(scratch, 'data') });
const current = ShopPolicySchema.parse(JSON.parse(readFileSync(join(contentDir, 'policy/shop.json'), 'utf8')));
const generous: ShopPolicy = { ...current, compensation: { ...current.compensation, maxYuanWithoutApproval: 50 } };

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const settled = async (job: PreviewJob) => {
  await vi.waitFor(() => expect(['done', 'failed']).toContain(job.state), { timeout: 170_000, interval: 50 });
  return job;
};

/** A runner the test finishes by hand, to see queueing and caching without the seconds of the real comparison. */
function manualRunner() {
  const runs: { policy: ShopPolicy; finish: (preview: PolicyPreview) => void; fail: (error: Error) => void; stage: (stage: PolicyPreviewStage) => void }[] = [];
  const runner = (_dir: string, policy: ShopPolicy, onStage: (stage: PolicyPreviewStage) => void) =>
    new Promise<PolicyPreview>((resolve, reject) => runs.push({ policy, finish: resolve, fail: reject, stage: onStage }));
  return { runs, runner };
}
const EMPTY = { caseTitles: [], examTitles: [], itemStems: [] } as const;

describe('shop policy previews as background jobs', () => {
  it('computes in a child process what the in-process preview computes, reporting stages on the way', async () => {
    const previews = new PolicyPreviews(contentDir, () => studio.fingerprint());
    const job = previews.request(generous);
    expect(['queued', 'running']).toContain(job.state);
    const seen = new Set<string>();
    await vi.waitFor(
      () => {
        if (job.stage) seen.add(job.stage);
        expect(job.state).toBe('done');
      },
      { timeout: 170_000, interval: 20 },
    );
    expect(job.progress).toBe(100);
    expect(seen.size).toBeGreaterThan(0);
    const inProcess = policyPreview(contentDir, generous);
    expect(job.result?.report).toEqual(inProcess.report);
    expect(job.result?.itemStems).toEqual(inProcess.itemStems);
    expect(job.result!.report.changedRules.map((rule) => rule.ruleId)).toContain('SOP-COMP-RANGE');
    // Every flipped item has a readable stem, for the report's tables.
    expect(job.result!.itemStems.length).toBeGreaterThan(0);
    // Asked again: the same finished job, no second run.
    expect(previews.request(structuredClone(generous))).toBe(job);
    expect(previewJobStatus(job)).not.toHaveProperty('result');
  });

  it('runs one preview at a time, caches by content and policy, and starts again when the content changes', async () => {
    const { runs, runner } = manualRunner();
    const previews = new PolicyPreviews(contentDir, () => studio.fingerprint(), runner);
    const first = previews.request(generous);
    const second = previews.request({ ...generous, compensation: { ...generous.compensation, maxYuanWithoutApproval: 80 } });
    expect([first.state, second.state]).toEqual(['running', 'queued']);
    expect(previewJobStatus(second).stageLabel).toBe('排队等候');
    expect(runs).toHaveLength(1);
    runs[0]!.stage('templates');
    expect(previewJobStatus(first)).toMatchObject({ stage: 'templates', progress: 40, stageLabel: '正在比较模板变体' });
    runs[0]!.finish({ report: {} as PolicyPreview['report'], ...EMPTY });
    await settled(first);
    expect(first.state).toBe('done');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(second.state).toBe('running');

    // A policy with its keys in another order is the same question.
    const reordered = Object.fromEntries(Object.entries(generous).reverse()) as ShopPolicy;
    expect(previews.request(reordered)).toBe(first);

    // Any content file changing makes a new question.
    const shop = join(contentDir, 'policy/shop.json');
    const text = readFileSync(shop, 'utf8');
    writeFileSync(shop, `${text}\n`);
    try {
      const again = previews.request(generous);
      expect(again).not.toBe(first);
      expect(again.id).not.toBe(first.id);
    } finally {
      writeFileSync(shop, text);
    }
  });

  it('says why a preview failed, and tries again when asked again', async () => {
    const { runs, runner } = manualRunner();
    const previews = new PolicyPreviews(contentDir, () => studio.fingerprint(), runner);
    const job = previews.request(generous);
    runs[0]!.fail(new Error('内容目录里的 policy/shop.json 无效'));
    await settled(job);
    expect(job.error).toBe('影响预览没有完成：内容目录里的 policy/shop.json 无效');
    const retry = previews.request(generous);
    expect(retry).not.toBe(job);
    expect(retry.state).toBe('running');
  });
});
