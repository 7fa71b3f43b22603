import { ShopPolicySchema, type ShopPolicy } from '../../rules/index.ts';
import shopJson from '../../../content/policy/shop.json';

/**
 * The shop policy (content/policy/shop.json) every study page decides and draws with, validated once at build time.
 * Throws the schema's error when a lead has mistyped the file, so a broken policy fails the build instead of a page.
 */
export const shopPolicy: ShopPolicy = ShopPolicySchema.parse(shopJson);
