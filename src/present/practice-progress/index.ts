// The practice index page's script: its own entry, so the practice islands' bundle does not carry it (a module
// re-exported from present/practice/index.ts lands in the chunk that page shares with every practice page).
export * from './topic-progress.ts';
