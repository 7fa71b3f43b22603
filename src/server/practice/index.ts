export { MAX_SYNC_ITEMS, PRACTICE_ITEM_ID, practiceProgress, PracticeSyncBodySchema, syncPractice, type PracticeSyncBody, type PracticeSyncResult } from './practice-sync.ts';
export { practiceAreas } from './runtime.ts';
