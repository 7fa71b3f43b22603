// Flow charts and their layout.
export * from './flows.ts';
export * from './layout.ts';
