import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { practiceAreas } from '../../src/server/practice/index.ts';
import { registerServedDist } from '../../src/server/served-dist.ts';
import { ensureBuilt, ROOT } from './built-server.ts';

// A practice sync files each item under its rule area. The built server takes the areas from the build's
// /practice/items.json (milliseconds) instead of keying the whole bank from the content folder (the first sync after a
// start used to wait for that): both must give the same map, or a synced answer would land under another area.
beforeAll(ensureBuilt, 300_000);

it('the served build gives every practice item the area the content bank gives it', () => {
  const fromBank = new Map(loadExamContent(join(ROOT, 'content')).bank.practice.map((item) => [item.id, item.area]));
  registerServedDist(join(ROOT, 'dist'));
  const fromBuild = practiceAreas();
  expect(fromBuild.size).toBeGreaterThan(400);
  expect(new Map([...fromBuild].sort())).toEqual(new Map([...fromBank].sort()));
}, 60_000);
