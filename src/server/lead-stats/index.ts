export { dashboardAttemptOf, dashboardAttempts } from './dashboard-attempts.ts';
