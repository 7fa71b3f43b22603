/**
 * How long a session survives without a request (the server ends it then; src/server/auth/sessions.ts), and how long
 * before that an account page warns, offering to stay signed in. Here so the page's warning and the server agree.
 */
export const SESSION_IDLE_MS = 120 * 60 * 1000;
export const IDLE_WARNING_BEFORE_MS = 5 * 60 * 1000;

/** How long a session started with 记住我 lasts, idle or not: 30 days. */
export const REMEMBERED_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
