import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PAYLOAD_URL } from '../../present/practice/index.ts';
import { loadExamContent } from '../exams/index.ts';
import { servedDist } from '../served-dist.ts';

/** The part of the built `/practice/items.json` a sync needs: each practice item's id and rule area. */
const BuiltAreasSchema = z.object({ items: z.array(z.object({ id: z.string(), area: z.string() })) });

let built: { readonly file: string; readonly mtimeMs: number; readonly areas: Map<string, string> } | undefined;
let fromBank: Map<string, string> | undefined;

/**
 * Areas from the practice bank the served site was built with (`dist/client/practice/items.json`, the very file the
 * practice pages take their item ids from): parsing it takes milliseconds, where keying the whole bank from the
 * content folder took ~12 s on the first sync after a start. Re-read when the file changes (a studio publish).
 * Undefined without a served build (dev server, tests in process) or when the file is missing or not ours.
 */
function builtAreas(): Map<string, string> | undefined {
  const dist = servedDist();
  if (dist === undefined) return undefined;
  const file = join(dist, 'client', PAYLOAD_URL);
  try {
    const { mtimeMs } = statSync(file);
    if (built?.file === file && built.mtimeMs === mtimeMs) return built.areas;
    const parsed = BuiltAreasSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return undefined;
    built = { file, mtimeMs, areas: new Map(parsed.data.items.map((item) => [item.id, item.area])) };
    return built.areas;
  } catch {
    return undefined;
  }
}

/**
 * The rule area of each item the current bank offers for practice, by item id: from the served build's practice
 * items when there is one; otherwise the bank is read from the content folder once, on first use, like the exam
 * service. Call once per request (it checks the built file's time).
 */
export function practiceAreas(): ReadonlyMap<string, string> {
  return builtAreas() ?? (fromBank ??= new Map(loadExamContent().bank.practice.map((item) => [item.id, item.area])));
}
