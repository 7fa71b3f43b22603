export { dashboardAttemptOf, dashboardAttempts } from './dashboard-attempts.ts';
export { attemptDigests, type AttemptDigest } from '../store/index.ts';
