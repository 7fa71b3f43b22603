import { describe, expect, it } from 'vitest';
import { returnTransitRisk } from './returns.ts';

// 第十一条 and its exceptions: once the buyer hands a return to the carrier, 破损 is the seller's and 损毁/灭失 the
// buyer's; where the seller is at fault for the whole return, all three are the seller's. The older wording put all
// three on the buyer.
describe('returnTransitRisk', () => {
  it('puts 破损 on the seller and 损毁 and 灭失 on the buyer by default', () => {
    expect(returnTransitRisk('default', '2025-08-15')).toEqual({ minor: 'seller', destroyed: 'buyer', lost: 'buyer' });
  });

  it('puts every risk on the seller when the seller bears the whole return', () => {
    expect(returnTransitRisk('seller-all', '2025-08-15')).toEqual({ minor: 'seller', destroyed: 'seller', lost: 'seller' });
    expect(returnTransitRisk('seller-all', 'legacy')).toEqual({ minor: 'seller', destroyed: 'seller', lost: 'seller' });
  });

  it('puts every risk on the buyer under the legacy default', () => {
    expect(returnTransitRisk('default', 'legacy')).toEqual({ minor: 'buyer', destroyed: 'buyer', lost: 'buyer' });
  });
});
