import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/postgres-schema.ts';

// Branches add migrations side by side; a merge that keeps two with one number would skip the second silently
// (migrate() records versions, not names).
it('numbers PostgreSQL migrations uniquely, in ascending order', () => {
  const versions = MIGRATIONS.map((m) => m.version);
  expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
});
