/**
 * How long a session survives without a request (the server ends it then; src/server/auth/sessions.ts), and how long
 * before that an account page warns, offering to stay signed in. Here so the page's warning and the server agree.
 */
export const SESSION_IDLE_MS = 120 * 60 * 1000;
export const IDLE_WARNING_BEFORE_MS = 5 * 60 * 1000;

/** The server records a session's activity at most this often, so its last-seen time may be this much behind. */
export const SESSION_TOUCH_EVERY_MS = 60 * 1000;

/**
 * The window event a page fires after the server answered one of its requests as the signed-in user (an exam's
 * autosave): the server counted it as activity, so the idle warning starts its count again (idle-warning.ts).
 */
export const SESSION_ACTIVITY_EVENT = 'academy:session-activity';

/**
 * The window event a page fires when the server answered one of its requests 401 (the session ended, idle or not):
 * the idle warning says so at once and links to /login and back (idle-warning.ts).
 */
export const SESSION_ENDED_EVENT = 'academy:session-ended';

/** How long a session started with 记住我 lasts, idle or not: 30 days. */
export const REMEMBERED_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
