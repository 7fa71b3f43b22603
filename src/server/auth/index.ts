export { type Access, ACCESS_RULES, isAllowed, isApiPath, requiredAccess } from './access.ts';
export { checkCredentials, type LoginOutcome } from './login.ts';
export { isSameOriginRequest, isStateChanging } from './origin.ts';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem, passwordProblem } from './password-policy.ts';
export { ARGON2_OPTIONS, hashPassword, verifyPassword } from './passwords.ts';
export { type CookieJar, signIn, signOut, syncAccountHint } from './session-cookie.ts';
export {
  endSession,
  holdSessionForAttempt,
  isHeldRequest,
  resumeSession,
  type ResumedSession,
  SESSION_COOKIE,
  SESSION_LIMITS,
  type SessionLifetime,
  sessionStanding,
  startSession,
} from './sessions.ts';
export {
  accountThrottleKey,
  addressThrottleKey,
  loginThrottleKeys,
  pairThrottleKey,
  retryAfterSeconds,
  THROTTLE,
} from './throttle.ts';
export { newId, randomToken, sha256Hex } from './tokens.ts';
