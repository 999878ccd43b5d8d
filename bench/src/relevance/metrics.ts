import type { JudgedQuery, QueryKind } from './judged-queries.ts';

/** What one engine answered to one judged query: result paths in rank order, best first. */
export type Answer = {
  query: JudgedQuery;
  /** Total results the engine reported (0 = nothing found). */
  total: number;
  /** Article paths of the first results, e.g. `/articles/<slug>/`. */
  urls: string[];
  /** Section anchor the engine offered for the relevant article, when it offers sections at all. */
  anchor?: string | null;
};

export type RelevanceSummary = {
  queries: number;
  /** Mean reciprocal rank of the relevant article within the first 10 results. */
  mrr10: number;
  hitsAt1: number;
  hitsAt3: number;
  zeroResultRate: number;
  /** Share of section queries whose relevant article came with the judged section's anchor (null: engine has no sections). */
  sectionHits: number | null;
};

/** `/articles/<slug>/…` → slug; anything else → null. */
export function slugOf(url: string): string | null {
  const match = /^\/articles\/([^/#?]+)\/?/.exec(new URL(url, 'http://x').pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** 1-based rank of the relevant article among the first 10 results, or null when it is not there. */
export function rankOf(answer: Answer): number | null {
  const index = answer.urls.slice(0, 10).findIndex((url) => slugOf(url) === answer.query.slug);
  return index === -1 ? null : index + 1;
}

const share = (count: number, of: number) => (of === 0 ? NaN : count / of);

/** MRR@10, hits@1, hits@3, the zero-result rate and section hits over a set of answers. */
export function summarizeRelevance(answers: readonly Answer[]): RelevanceSummary {
  const ranks = answers.map(rankOf);
  const withSection = answers.filter((a) => a.query.section !== undefined);
  const offersSections = answers.some((a) => a.anchor !== undefined);
  return {
    queries: answers.length,
    mrr10: share(
      ranks.reduce<number>((sum, rank) => sum + (rank === null ? 0 : 1 / rank), 0),
      answers.length,
    ),
    hitsAt1: share(ranks.filter((rank) => rank === 1).length, answers.length),
    hitsAt3: share(ranks.filter((rank) => rank !== null && rank <= 3).length, answers.length),
    zeroResultRate: share(answers.filter((a) => a.total === 0).length, answers.length),
    sectionHits: offersSections ? share(withSection.filter((a) => a.anchor === a.query.section).length, withSection.length) : null,
  };
}

/** Summaries per query kind, in the order the kinds first appear. */
export function summarizeByKind(answers: readonly Answer[]): Map<QueryKind, RelevanceSummary> {
  const kinds = [...new Set(answers.map((a) => a.query.kind))];
  return new Map(kinds.map((kind) => [kind, summarizeRelevance(answers.filter((a) => a.query.kind === kind))]));
}
