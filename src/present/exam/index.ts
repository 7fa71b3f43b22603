// The exam island's entry: the runner's reducer and pure helpers only, so the island bundle carries no catalogue or
// review wording (pages take those from src/present's index.ts).
export * from './runner-state.ts';
