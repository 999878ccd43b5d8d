import fs from 'node:fs';
import { stepLog } from '@stackguide/runtime';
import { launchChromium, stopAll } from '@stackguide/test-kit';
import type { Page } from 'playwright-core';
import { makeRunDir } from '../paths.ts';
import { startRecording } from '../results.ts';
import { serveBuild } from '../serve-build.ts';
import { renderTable } from '../table.ts';
import { HELD_OUT_QUERIES } from './held-out-queries.ts';
import { JUDGED_QUERIES, type JudgedQuery } from './judged-queries.ts';
import {
  type Answer,
  judgedPath,
  pathOf,
  type RelevanceSummary,
  rankOf,
  summarizeByKind,
  summarizeCards,
  summarizeRelevance,
} from './metrics.ts';
import { type EngineAnswer, searchOurs } from './ours.ts';
import { buildPagefindIndex, searchPagefind } from './pagefind.ts';
import { startSeededSearch } from './seeded-search.ts';

/** Targets from issue 11: MRR@10 of at least 0.95, 0.15 above Pagefind, and no query without results. */
const TARGET = { mrr10: 0.95, marginOverPagefind: 0.15, zeroResultRate: 0 };

function toAnswer(query: JudgedQuery, engine: EngineAnswer): Answer {
  const answer: Answer = { query, total: engine.total, urls: engine.urls, ...(engine.card !== undefined ? { card: engine.card } : {}) };
  const rank = rankOf(answer);
  if (engine.anchors) answer.anchor = rank === null ? null : (engine.anchors[rank - 1] ?? null);
  return answer;
}

const f3 = (n: number | null) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(3));
const summaryRow = (name: string, s: RelevanceSummary) => [
  name,
  s.queries,
  f3(s.mrr10),
  f3(s.hitsAt1),
  f3(s.hitsAt3),
  f3(s.zeroResultRate),
  f3(s.sectionHits),
];

type Run = { ours: Answer[]; pagefind: Answer[] };

/** Both engines' answers to every query of `queries`, asked from the same page. */
async function ask(page: Page, meili: { url: string; key: string }, queries: JudgedQuery[]): Promise<Run> {
  const run: Run = { ours: [], pagefind: [] };
  for (const query of queries) {
    run.ours.push(toAnswer(query, await searchOurs(page, meili, query.q)));
    run.pagefind.push(toAnswer(query, await searchPagefind(page, query.q)));
  }
  return run;
}

function report({ ours, pagefind }: Run, heldOut: Run): { ours: RelevanceSummary; pagefind: RelevanceSummary } {
  const s = { ours: summarizeRelevance(ours), pagefind: summarizeRelevance(pagefind) };
  console.log(`\nrelevance on ${s.ours.queries} judged queries (seeded site; rank of the judged answer in the first 10 results)\n`);
  console.log(
    renderTable(
      ['engine', 'queries', 'MRR@10', 'hits@1', 'hits@3', 'zero-result rate', 'judged section linked'],
      [summaryRow('ours (Meilisearch, as the site asks)', s.ours), summaryRow('Pagefind 1.6 (same built pages)', s.pagefind)],
    ),
  );
  console.log(`\nheld out: ${heldOut.ours.length} queries written during the tuning and never tuned on\n`);
  console.log(
    renderTable(
      ['engine', 'queries', 'MRR@10', 'hits@1', 'hits@3', 'zero-result rate', 'judged section linked'],
      [summaryRow('ours', summarizeRelevance(heldOut.ours)), summaryRow('Pagefind 1.6', summarizeRelevance(heldOut.pagefind))],
    ),
  );
  const articleJudged = (run: Answer[]) => run.filter((a) => 'slug' in a.query);
  console.log('\nthe queries judged to an article (the set before role, skill and salary answers)\n');
  console.log(
    renderTable(
      ['engine', 'queries', 'MRR@10', 'hits@1', 'hits@3', 'zero-result rate', 'judged section linked'],
      [
        summaryRow('ours', summarizeRelevance(articleJudged(ours))),
        summaryRow('Pagefind 1.6', summarizeRelevance(articleJudged(pagefind))),
      ],
    ),
  );
  const oursByKind = summarizeByKind(ours);
  const pagefindByKind = summarizeByKind(pagefind);
  console.log('\nMRR@10 by query kind\n');
  console.log(
    renderTable(
      ['kind', 'queries', 'ours', 'Pagefind'],
      [...oursByKind].map(([kind, o]) => [kind, o.queries, f3(o.mrr10), f3(pagefindByKind.get(kind)?.mrr10 ?? null)]),
    ),
  );
  const cards = summarizeCards(ours);
  if (cards)
    console.log(
      `\nsalary answer cards: ${cards.right} of ${cards.salaryQueries} salary queries showed the judged figures; ${cards.unasked} other queries showed a card`,
    );
  const misses = ours.map((a, i) => ({ a, p: pagefind[i]! })).filter(({ a }) => rankOf(a) !== 1);
  if (misses.length > 0) {
    console.log('\nqueries where ours does not rank the judged answer first\n');
    const rank = (a: Answer) => rankOf(a) ?? '–';
    console.log(
      renderTable(
        ['query', 'judged answer', 'ours rank', 'ours first result', 'Pagefind rank'],
        misses.map(({ a, p }) => [a.query.q, judgedPath(a.query), rank(a), a.urls[0] ? pathOf(a.urls[0]) : '(none)', rank(p)]),
      ),
    );
  }
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `\ntargets: MRR@10 ≥ ${TARGET.mrr10} ${met(s.ours.mrr10 >= TARGET.mrr10)}; ≥ Pagefind + ${TARGET.marginOverPagefind} ${met(s.ours.mrr10 - s.pagefind.mrr10 >= TARGET.marginOverPagefind)} (+${f3(s.ours.mrr10 - s.pagefind.mrr10)}); zero-result rate ${TARGET.zeroResultRate} ${met(s.ours.zeroResultRate <= TARGET.zeroResultRate)}`,
  );
  return s;
}

/**
 * `npm run bench -- relevance`: the judged query set against our search (Meilisearch with the
 * search-only key and the site's parameters) and against Pagefind over the same built article, role
 * and skill pages, both asked from the same page in Chromium; MRR@10, hits@1, hits@3 and the
 * zero-result rate.
 */
export async function relevanceBench(): Promise<void> {
  const recording = startRecording();
  const runDir = makeRunDir('relevance-');
  const log = stepLog('relevance');
  try {
    const sut = await startSeededSearch(runDir, log);
    const pages = await buildPagefindIndex(sut.distDir);
    log(`Pagefind indexed ${pages} article, role and skill pages`);
    const site = await serveBuild(sut.distDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}/`);
      const judged = await ask(page, sut.meili, JUDGED_QUERIES);
      const heldOut = await ask(page, sut.meili, HELD_OUT_QUERIES);
      const summaries = report(judged, heldOut);
      const perQuery = ({ ours, pagefind }: Run) =>
        ours.map((a, i) => {
          const p = pagefind[i]!;
          return {
            ...a.query,
            ours: { rank: rankOf(a), total: a.total, top3: a.urls.slice(0, 3), anchor: a.anchor, card: a.card },
            pagefind: { rank: rankOf(p), total: p.total, top3: p.urls.slice(0, 3), anchor: p.anchor },
          };
        });
      const file = recording.write('relevance', {
        params: {
          queries: JUDGED_QUERIES.length,
          heldOutQueries: HELD_OUT_QUERIES.length,
          pages,
          pagefind: '1.6.0',
          targets: TARGET,
        },
        summaries,
        articleJudged: {
          ours: summarizeRelevance(judged.ours.filter((a) => 'slug' in a.query)),
          pagefind: summarizeRelevance(judged.pagefind.filter((a) => 'slug' in a.query)),
        },
        cards: summarizeCards(judged.ours),
        heldOut: { ours: summarizeRelevance(heldOut.ours), pagefind: summarizeRelevance(heldOut.pagefind) },
        perQuery: perQuery(judged),
        heldOutPerQuery: perQuery(heldOut),
      });
      console.log(`results: ${file}`);
    } finally {
      await browser.close();
      await site.close();
      await sut.stop();
    }
  } finally {
    await stopAll();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
