export type * from './types.ts';
export type * from './store.ts';
export { compareCohorts } from './cohort-order.ts';
export { type DurableIo, DurableJsonFile } from './durable-file.ts';
export { employeeIdKey } from './employee-id.ts';
export { DATA_FILES, type LowdbStoreOptions, openLowdbStore } from './lowdb-store.ts';
export { StoreCorruptError } from './store-errors.ts';
export { openLowdbReader } from './read-only.ts';
export { TOUCH_WRITE_DELAY_MS } from './lowdb-sessions.ts';
