import { articleUrl, roleUrl } from '@stackguide/contracts/search-index';
import type { JudgedQuery, QueryKind } from './judged-queries.ts';

/** What a salary answer card showed: the role page it links to, and each band's region and level. */
export type CardShown = { url: string; bands: { region: string; level: string }[] };

/** What one engine answered to one judged query: result paths in rank order, best first. */
export type Answer = {
  query: JudgedQuery;
  /** Total results the engine reported (0 = nothing found). */
  total: number;
  /** Paths of the first results, e.g. `/articles/<slug>/` or `/skills/<slug>/`. */
  urls: string[];
  /** Section anchor the engine offered for the relevant article, when it offers sections at all. */
  anchor?: string | null;
  /** The salary answer card shown above the results; undefined for an engine without one. */
  card?: CardShown | null;
};

export type RelevanceSummary = {
  queries: number;
  /** Mean reciprocal rank of the relevant answer within the first 10 results. */
  mrr10: number;
  hitsAt1: number;
  hitsAt3: number;
  /** Share of queries answered with nothing at all: no result and no answer card. */
  zeroResultRate: number;
  /** Share of section queries whose relevant article came with the judged section's anchor (null: engine has no sections). */
  sectionHits: number | null;
};

/** The path of a result, without its fragment or query; `…/index.html` counts as `…/`. */
export function pathOf(url: string): string {
  return new URL(url, 'http://x').pathname.replace(/index\.html$/, '');
}

/** Where the judged answer lives: the article, the role or skill page, or for salary figures the role page that holds them. */
export function judgedPath(query: JudgedQuery): string {
  if ('slug' in query) return articleUrl(query.slug);
  if ('page' in query) return query.page;
  return roleUrl(query.salary.role);
}

/** Whether the card shows exactly the judged salary figures: that role's bands, each of the judged region and level. */
export function cardAnswers(query: JudgedQuery, card: CardShown | null | undefined): boolean {
  if (!('salary' in query) || !card) return false;
  const { role, region, level } = query.salary;
  return (
    card.url === roleUrl(role) &&
    card.bands.length > 0 &&
    card.bands.every((b) => (region === undefined || b.region === region) && (level === undefined || b.level === level))
  );
}

/**
 * 1-based rank of the relevant answer, or null when it is not among the first 10 results. The answer
 * card sits above the results: showing the judged salary figures there ranks first. It takes no
 * rank from the results below it, which are judged as they are.
 */
export function rankOf(answer: Answer): number | null {
  if (cardAnswers(answer.query, answer.card)) return 1;
  const want = judgedPath(answer.query);
  const index = answer.urls.slice(0, 10).findIndex((url) => pathOf(url) === want);
  return index === -1 ? null : index + 1;
}

const share = (count: number, of: number) => (of === 0 ? NaN : count / of);

/** MRR@10, hits@1, hits@3, the zero-result rate and section hits over a set of answers. */
export function summarizeRelevance(answers: readonly Answer[]): RelevanceSummary {
  const ranks = answers.map(rankOf);
  const withSection = answers.filter((a) => 'section' in a.query && a.query.section !== undefined);
  const offersSections = answers.some((a) => a.anchor !== undefined);
  return {
    queries: answers.length,
    mrr10: share(
      ranks.reduce<number>((sum, rank) => sum + (rank === null ? 0 : 1 / rank), 0),
      answers.length,
    ),
    hitsAt1: share(ranks.filter((rank) => rank === 1).length, answers.length),
    hitsAt3: share(ranks.filter((rank) => rank !== null && rank <= 3).length, answers.length),
    zeroResultRate: share(answers.filter((a) => a.total === 0 && !a.card).length, answers.length),
    sectionHits: offersSections
      ? share(withSection.filter((a) => 'section' in a.query && a.anchor === a.query.section).length, withSection.length)
      : null,
  };
}

/**
 * How an engine's answer cards fared: salary queries whose card showed the judged figures, and
 * queries judged to something else that got a card anyway (null: the engine has no cards).
 */
export function summarizeCards(answers: readonly Answer[]): { salaryQueries: number; right: number; unasked: number } | null {
  if (!answers.some((a) => a.card !== undefined)) return null;
  const salary = answers.filter((a) => 'salary' in a.query);
  return {
    salaryQueries: salary.length,
    right: salary.filter((a) => cardAnswers(a.query, a.card)).length,
    unasked: answers.filter((a) => !('salary' in a.query) && a.card).length,
  };
}

/** Summaries per query kind, in the order the kinds first appear. */
export function summarizeByKind(answers: readonly Answer[]): Map<QueryKind, RelevanceSummary> {
  const kinds = [...new Set(answers.map((a) => a.query.kind))];
  return new Map(kinds.map((kind) => [kind, summarizeRelevance(answers.filter((a) => a.query.kind === kind))]));
}
