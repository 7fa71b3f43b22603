import type { RuleTexts } from '../rule-meta.ts';
import { descriptionTexts } from './description.ts';
import { freightTexts } from './freight.ts';
import { generalTexts } from './general.ts';
import { giftsTexts } from './gifts.ts';
import { qualityTexts } from './quality.ts';
import { refusalTexts } from './refusal.ts';
import { returnsTexts } from './returns.ts';
import { sevenDayTexts } from './seven-day.ts';
import { shippingTexts } from './shipping.ts';
import { signingTexts } from './signing.ts';
import { sopCompensationTexts } from './sop/compensation.ts';
import { sopFlowTexts } from './sop/flow.ts';
import { sopLogisticsTexts } from './sop/logistics.ts';
import { sopMisShipmentTexts } from './sop/mis-shipment.ts';
import { sopNegotiationTexts } from './sop/negotiation.ts';
import { sopQualityTexts } from './sop/quality.ts';
import { sopRecordsTexts } from './sop/records.ts';
import { sopResponseTimesTexts } from './sop/response-times.ts';
import { sopReturnWindowsTexts } from './sop/return-windows.ts';
import { sopReturnsTexts } from './sop/returns.ts';

/** Every rule's statement and quoted sources, by rule file; `catalogue.ts` joins them to the rules by id. */
export const ruleTextsByFile: readonly RuleTexts[] = [
  descriptionTexts,
  freightTexts,
  generalTexts,
  giftsTexts,
  qualityTexts,
  refusalTexts,
  returnsTexts,
  sevenDayTexts,
  shippingTexts,
  signingTexts,
  sopCompensationTexts,
  sopFlowTexts,
  sopLogisticsTexts,
  sopMisShipmentTexts,
  sopNegotiationTexts,
  sopQualityTexts,
  sopRecordsTexts,
  sopResponseTimesTexts,
  sopReturnWindowsTexts,
  sopReturnsTexts,
];
