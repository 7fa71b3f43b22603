import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultShopPolicy, ShopPolicySchema } from '../shop-policy.ts';

const SHOP_JSON = new URL('../../../content/policy/shop.json', import.meta.url);

const readShopJson = (): unknown => JSON.parse(readFileSync(SHOP_JSON, 'utf8'));

describe('content/policy/shop.json', () => {
  it('passes ShopPolicySchema', () => {
    const result = ShopPolicySchema.safeParse(readShopJson());
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('ships the seed defaults, identical to defaultShopPolicy', () => {
    expect(ShopPolicySchema.parse(readShopJson())).toEqual(defaultShopPolicy);
  });
});
