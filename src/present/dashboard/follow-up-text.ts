import { beijingDate } from '../lead-format.ts';
import type { FollowUpReason } from './follow-up.ts';

/** One follow-up reason as the lead reads it. */
export function followUpText(reason: FollowUpReason): string {
  switch (reason.kind) {
    case 'needs-recertification':
      return '证书需重新认证：考过的规则已有新版本';
    case 'expired':
      return `证书已于 ${beijingDate(reason.expiredAt)} 过期`;
    case 'revoked':
      return reason.reason ? `证书已撤销：${reason.reason}` : '证书已撤销';
    case 'expiring':
      return `证书将于 ${beijingDate(reason.expiresAt)} 到期（还剩 ${reason.daysLeft} 天）`;
    case 'failed':
      return reason.attemptsUsed >= reason.attemptsAllowed
        ? `未通过，${reason.attemptsAllowed} 次考试机会已用完`
        : `未通过，尚未补考（已考 ${reason.attemptsUsed} / ${reason.attemptsAllowed} 次）`;
  }
}
