import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { topicIds, topics, type TopicId } from '../../../quiz/index.ts';
import { sandboxCaseGroups, type SandboxCase } from '../../../present/index.ts';
import { factFormModel, factsFromDraft, fieldIndex, packEvaluation, sandboxEvaluation, sandboxLoaded, sectionIndex } from '../../../present/sandbox/index.ts';
import { shopPolicy } from '../../../server/content-library/index.ts';

// The sandbox's first ruling for each case's own facts, evaluated here exactly as the island would (the same form
// round trip, edition and shop policy), so /sandbox?case=<slug> shows it before the engine chunk has loaded. It holds
// only what the sandbox would compute in the browser from the facts already in the page: never the case's expected
// ruling as its author wrote it.
export const getStaticPaths = (async () => {
  const groups = sandboxCaseGroups(await getCollection('cases'), topicIds, (topic) => topics[topic as TopicId] ?? '其他');
  return groups.flatMap((group) => group.cases.map((item) => ({ params: { slug: item.slug }, props: { item } })));
}) satisfies GetStaticPaths;

const model = factFormModel();
const labels = { fields: fieldIndex(model), sections: sectionIndex(model) };

export const GET: APIRoute<{ item: SandboxCase }> = ({ props }) => {
  const loaded = sandboxLoaded(model, props.item);
  const { facts, errors } = factsFromDraft(model, loaded.draft);
  return Response.json(packEvaluation(sandboxEvaluation(facts, errors, { edition: loaded.edition, shopPolicy }, labels)));
};
