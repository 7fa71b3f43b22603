// The exam island's entry: the runner's reducer and pure helpers only, so the island bundle carries no catalogue or
// review wording (pages take those from src/present's index.ts).
export * from './runner-state.ts';
// The window events by which the island tells the page's idle warning what the server made of its requests.
export { SESSION_ACTIVITY_EVENT, SESSION_ENDED_EVENT } from '../session-limits.ts';
