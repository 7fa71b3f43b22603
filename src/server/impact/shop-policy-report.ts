import { impactReport, type ImpactReport } from '../../authoring/index.ts';
import { decide, type ShopPolicy } from '../../rules/index.ts';
import { contentDir } from '../exams/index.ts';
import type { Store } from '../store/index.ts';
import { certificatesToRecertifyNow, type RecertificationCount } from './certificates.ts';
import { loadImpactContent } from './load-content.ts';

/**
 * What changing content/policy/shop.json to `working` would flip: every case, item, template variant and exam pool of
 * CONTENT_DIR decided under the current shop policy and under the working copy (same rule module, each scenario under
 * the edition it declares), and the standing certificates whose rules the flips touch (all were earned under the
 * current shop policy). Synchronous and CPU-bound (seconds over the whole bank): a lead's explicit preview, not per keystroke.
 */
export async function shopPolicyImpact(store: Store, working: ShopPolicy, now: number): Promise<{ readonly report: ImpactReport } & RecertificationCount> {
  const content = loadImpactContent(contentDir());
  const current = content.shopPolicy;
  const report = impactReport(
    content,
    { id: 'shop.json', title: '当前的本店规范', decide: (facts, edition) => decide(facts, { edition, shopPolicy: current }) },
    { id: 'working', title: '修改后的本店规范', decide: (facts, edition) => decide(facts, { edition, shopPolicy: working }) },
  );
  const [certificates, users] = await Promise.all([store.listCertificates(), store.listUsers()]);
  return { report, ...certificatesToRecertifyNow(certificates, users, report, {}, {}, now) };
}
