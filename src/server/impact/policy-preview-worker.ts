// The child process behind the studio's 预览影响 (src/server/studio/policy-previews.ts): receives one
// `{ contentDir, policy }`, reports each stage, sends the preview and exits. Its own process, so the seconds of CPU
// the comparison takes never stall the server's requests.
import { ShopPolicySchema } from '../../rules/index.ts';
import { policyPreview } from './policy-preview.ts';

process.once('message', (message: { contentDir?: unknown; policy?: unknown }) => {
  try {
    if (typeof message.contentDir !== 'string') throw new Error('contentDir missing');
    const policy = ShopPolicySchema.parse(message.policy);
    const preview = policyPreview(message.contentDir, policy, (stage) => process.send?.({ type: 'stage', stage }));
    process.send?.({ type: 'done', preview }, () => process.exit(0));
  } catch (error) {
    process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
  }
});
// Listening now: the parent sends the work only after this, so no message can arrive before the listener.
process.send?.({ type: 'ready' });
