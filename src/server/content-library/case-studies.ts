import { getCollection, type CollectionEntry } from 'astro:content';
import { caseStudy, type CaseStudy } from '../../present/index.ts';
import { shopPolicy } from './shop-policy.ts';

/** A case study loaded from the `cases` collection: its entry is what the case page renders. */
export type LoadedCaseStudy = CaseStudy<CollectionEntry<'cases'>>;

let loaded: Promise<LoadedCaseStudy[]> | undefined;

/**
 * Every case, decided under its own edition with the shop's policy, easiest first and then by title.
 * Loaded once per build. Throws what `decide()` throws; the content gate in src/content.config.ts has already
 * refused any case that would.
 */
export function caseStudies(): Promise<LoadedCaseStudy[]> {
  loaded ??= getCollection('cases').then((entries) =>
    entries
      .map((entry) =>
        caseStudy(entry, {
          slug: entry.id,
          title: entry.data.title,
          summary: entry.data.summary,
          topics: entry.data.topics,
          difficulty: entry.data.difficulty,
          facts: entry.data.facts,
          edition: entry.data.edition,
          related: entry.data.related ?? [],
          shopPolicy,
        }),
      )
      .sort((a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title, 'zh-CN')),
  );
  return loaded;
}
