// Build-time loaders of the content collections, for pages: they call Astro's getCollection, so only pages import
// this entry (the CLIs and the running server never load it).
export { caseStudies, type LoadedCaseStudy } from './case-studies.ts';
export { allPayload, practiceItems, practiceTopics, topicPayload } from './practice-data.ts';
export { shopPolicy } from './shop-policy.ts';
