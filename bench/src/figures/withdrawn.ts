/**
 * Results files the report never takes as a bench's latest figures, each with the reason. They stay
 * in `bench/results/` as history; a test checks that every name here is a file there.
 */
export const WITHDRAWN: Readonly<Record<string, string>> = {
  'relevance-baseline-2026-12-01T10-42-20-711Z.json':
    'the search before the editors’ vocabulary, run once as the baseline the tuning started from',
  'relevance-2026-12-01T19-56-52-109Z.json': 'measured Meilisearch’s proximityPrecision byAttribute, reverted because it cost relevance',
  'publish-latency-2026-12-02T01-12-36-220Z.json':
    'measured indexing the publish webhook’s payload before the re-read, reverted because it gained nothing',
  'scale-2026-12-06T14-45-46-699Z.json':
    'timed reconcile → searchable until the command exited, which left 7,000 articles queued for the service',
};
