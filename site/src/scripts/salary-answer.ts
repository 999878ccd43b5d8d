import { SALARY_SECTION_ID } from '@stackguide/contracts/salary-index';
import type { SalaryBand } from '@stackguide/contracts/entries';
import { formatRange } from '../lib/format.ts';
import { groupBands, groupDescription, LEVEL_LABELS } from '../lib/salary-bands.ts';
import { escapeHtml } from './highlight.ts';
import { isSitePath } from './safe-href.ts';

/** A role's salary bands that answer a pay question, figures exactly as the index holds them. */
export type SalaryAnswer = { role: string; url: string; bands: SalaryBand[] };

const LEVELS = new Set<unknown>(Object.keys(LEVEL_LABELS));
const text = (v: unknown): v is string => typeof v === 'string';
const amount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

type BandHit = { documentId: string; role: string; url: string; band: SalaryBand };

/** A salary hit whose query matched its topic, with every field a card shows in its expected form; null otherwise. */
function bandOf(hit: unknown): BandHit | null {
  const h = (hit ?? {}) as Record<string, unknown>;
  const matched = (h._matchesPosition as Record<string, unknown[]> | undefined)?.topic;
  const { documentId, role, url, region, level, period, currency, min, max, sourceNote } = h;
  const valid =
    Array.isArray(matched) &&
    matched.length > 0 &&
    text(documentId) &&
    text(role) &&
    isSitePath(url) &&
    text(region) &&
    LEVELS.has(level) &&
    (period === 'month' || period === 'year') &&
    text(currency) &&
    /^[A-Z]{3}$/.test(currency) &&
    amount(min) &&
    (max === null || amount(max)) &&
    (sourceNote === undefined || text(sourceNote));
  if (!valid) return null;
  const band = { region, level, period, currency, min, max, sourceNote: sourceNote ?? null } as SalaryBand;
  return { documentId, role, url, band };
}

/**
 * The salary answer to a query, from the hits of SALARY_QUERY: every band found must have matched
 * the query's every word, one of them the band's topic (a pay word), and all must belong to one
 * role. Anything else (no pay word, several roles, a hit of another shape) answers null: no card
 * rather than a figure that does not answer the question.
 */
export function salaryAnswer(hits: unknown[] | undefined): SalaryAnswer | null {
  const bands = (hits ?? []).map(bandOf);
  const first = bands[0];
  if (!first || bands.some((b) => b === null || b.documentId !== first.documentId)) return null;
  return { role: first.role, url: first.url, bands: bands.map((b) => b!.band) };
}

/**
 * The answer card as a listbox option (`<a role="option">`, linking to the role page's salary
 * section): per region, period and currency the role page's own description, each level's range,
 * and the sources. Every value is escaped.
 */
export function salaryCardHtml(answer: SalaryAnswer, id: string): string {
  const groups = groupBands(answer.bands).map((group) => {
    const rows = group.bands
      .map(
        (b) =>
          `<span class="search-answer-band"><span class="search-answer-level">${LEVEL_LABELS[b.level]}</span> ` +
          `<strong>${escapeHtml(formatRange(b.min, b.max, b.currency))}</strong></span>`,
      )
      .join('');
    const notes = [...new Set(group.bands.map((b) => b.sourceNote).filter(text))].filter(Boolean);
    const source = notes.length > 0 ? `<span class="search-answer-source">Source: ${escapeHtml(notes.join(' '))}</span>` : '';
    return `<span class="search-answer-group"><span class="search-answer-where">${escapeHtml(groupDescription(group))}</span>${rows}${source}</span>`;
  });
  const href = `${answer.url}#${SALARY_SECTION_ID}`;
  return (
    `<a role="option" id="${id}" class="search-hit search-answer" href="${escapeHtml(href)}" tabindex="-1" aria-selected="false">` +
    `<span class="search-hit-title">${escapeHtml(answer.role)} salary</span>${groups.join('')}</a>`
  );
}
