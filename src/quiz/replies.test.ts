import { describe, expect, it } from 'vitest';
import { decide, defaultShopPolicy } from '../rules/index.ts';
import { ItemSchema, isReplyItem, type ReplyItem } from './item-schema.ts';
import { deriveKey } from './keys.ts';
import { judgeReplies, UnkeyableReplyError } from './replies.ts';

const holeInShirt = {
  channel: 'tmall',
  order: { paidAt: '2025-11-02 20:00', price: 129, freeShipping: true },
  goods: { name: '棉麻衬衫', sevenDayClass: 'standard', condition: 'opened-for-inspection' },
  shipment: { shipped: true, carrierRecordedAt: '2025-11-03 12:00' },
  delivery: { status: 'signed', signedAt: '2025-11-05 12:00', receivedBy: 'self', confirmation: 'none' },
  claim: { at: '2025-11-06 10:00', type: 'exchange', reason: 'quality' },
  issue: { visible: true, buyerProof: false, sellerRebuttal: false, defeatsPurpose: false },
};

const photosAndShopPays = [
  { ask: 'sop.photosFirst', equals: true },
  { ask: 'sop.returnFreightBearer', equals: 'seller' },
];

function replyItem(options: unknown[], answer = 0): ReplyItem {
  const item = ItemSchema.parse({ id: 'q-reply', type: 'single', topics: ['shop-sop'], difficulty: 1, stem: '哪条回复最合适？', scenario: { facts: holeInShirt }, options, answer });
  if (item.type !== 'single' || !isReplyItem(item)) throw new Error('not a reply item');
  return item;
}

const context = { shopPolicy: defaultShopPolicy, caseFacts: () => undefined };

describe('reply (话术) items', () => {
  it('parse as single-choice items without ask, with tone defaulting to polite', () => {
    const item = replyItem([{ text: '亲，麻烦拍照发我', promises: photosAndShopPays }, { text: '直接寄回', promises: [{ ask: 'sop.photosFirst', equals: false }] }]);
    expect(item.options[0]!.tone).toBe('polite');
  });

  it('refuses a reply without promises and a mix of values and replies', () => {
    const raw = { id: 'q', type: 'single', topics: ['shop-sop'], difficulty: 1, stem: '哪条回复最合适？', scenario: { facts: holeInShirt }, answer: 0 };
    expect(ItemSchema.safeParse({ ...raw, options: [{ text: 'a', promises: [] }, { text: 'b', promises: photosAndShopPays }] }).success).toBe(false);
    expect(ItemSchema.safeParse({ ...raw, options: [{ text: 'a', value: 'x' }, { text: 'b', promises: photosAndShopPays }] }).success).toBe(false);
  });

  it('judges a reply right only when polite and every promise holds', () => {
    const item = replyItem([
      { text: '亲，不好意思，麻烦拍照发我，核实后我们承担运费调换', promises: photosAndShopPays },
      { text: '先拍照，看了再说', tone: 'rude', promises: photosAndShopPays },
      { text: '亲，拍照后到付寄回就行', promises: [{ ask: 'sop.photosFirst', equals: true }, { ask: 'sop.warehouseSignsCod', equals: true }] },
    ]);
    const verdicts = judgeReplies(item, decide(holeInShirt, { shopPolicy: defaultShopPolicy }), holeInShirt);
    expect(verdicts.map((verdict) => verdict.right)).toEqual([true, false, false]);
    expect(verdicts[1]!.polite).toBe(false);
    expect(verdicts[2]!.promises.map((promise) => promise.holds)).toEqual([true, false]);
    expect(verdicts[2]!.promises[1]!.value).toBe(false);
    expect(deriveKey(item, context)).toMatchObject({ type: 'single', answer: 0, value: null });
  });

  it('refuses to key an item where no reply, or more than one, is right', () => {
    const none = replyItem([
      { text: '先拍照', tone: 'rude', promises: photosAndShopPays },
      { text: '运费您自己出', promises: [{ ask: 'sop.returnFreightBearer', equals: 'buyer' }] },
    ]);
    expect(() => deriveKey(none, context)).toThrow(UnkeyableReplyError);
    const two = replyItem([
      { text: '亲，拍照发我', promises: [{ ask: 'sop.photosFirst', equals: true }] },
      { text: '亲，运费我们出', promises: [{ ask: 'sop.returnFreightBearer', equals: 'seller' }] },
    ]);
    try {
      deriveKey(two, context);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnkeyableReplyError);
      expect((error as UnkeyableReplyError).verdicts.filter((verdict) => verdict.right).map((verdict) => verdict.index)).toEqual([0, 1]);
    }
  });

  it('reads promises under the configured shop policy: SOP-NO-COD stays silent (null) for a shop that accepts 到付 returns', () => {
    const item = replyItem([{ text: '亲，本店不收到付件，请先垫付寄回', promises: [{ ask: 'sop.warehouseSignsCod', equals: false }] }, { text: '亲，拍照发我', promises: photosAndShopPays }]);
    expect(judgeReplies(item, decide(holeInShirt, { shopPolicy: defaultShopPolicy }), holeInShirt)[0]!.promises[0]!.holds).toBe(true);
    const cod = { ...defaultShopPolicy, acceptsCodReturns: true };
    const verdicts = judgeReplies(item, decide(holeInShirt, { shopPolicy: cod }), holeInShirt);
    expect(verdicts[0]!.promises[0]!.value).toBeNull();
  });
});
