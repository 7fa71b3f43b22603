import { createTwoFilesPatch } from 'diff';
import type { StudioContent } from './content-service.ts';

/**
 * A unified diff (`git apply` / `patch -p1` from the project root) of the latest save of a content file: the revision
 * before it → the file now. A file the studio created diffs from /dev/null. `undefined` for a missing file.
 */
export async function latestSavePatch(content: StudioContent, path: string): Promise<string | undefined> {
  const file = content.read(path);
  if (!file) return undefined;
  const history = await content.revisions(path);
  const revisions = history?.revisions ?? [];
  // revisions[0] is the save that wrote today's text; the one before it holds the text it replaced.
  const before = revisions[1] ? await content.revisionText(path, revisions[1].id) : undefined;
  const target = `content/${path}`;
  const subject = revisions[0]?.message ?? `Studio: update ${target}`;
  const header = `From: ${revisions[0]?.author ?? 'studio'}${revisions[0]?.email ? ` <${revisions[0].email}>` : ''}\nSubject: ${subject}\n\n`;
  const patch = createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${target}`, `b/${target}`, before ?? '', file.text, undefined, undefined, { context: 3 });
  return header + patch;
}
