import { escapeHtml, highlightHtml } from './highlight.ts';
import { bestSection, hitHref } from './hit-section.ts';
import { isSitePath } from './safe-href.ts';
import type { FoundResult } from './search-client.ts';
import { type Hit, isPageHit, withSections } from './search-request.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The hits that become options, in order: an option's number is its index here (plus the page's first). */
const linkable = (hits: Hit[]) => hits.filter((hit): hit is Hit & { url: string } => isSitePath(hit.url));

const PAGE_TYPES: Record<string, string> = { role: 'Role', skill: 'Skill' };

/** A role or skill page's option: its name, the line under it, and what kind of page it is. */
function pageParts(hit: Hit & { url: string }): { href: string; html: string; section: boolean } {
  const name = highlightHtml(str(hit._formatted?.name) || str(hit.name));
  const summary = highlightHtml(str(hit._formatted?.summary) || str(hit.summary));
  const html =
    `<span class="search-hit-title">${name}</span>` +
    (summary ? `<span class="search-hit-snippet">${summary}</span>` : '') +
    `<span class="search-hit-roles"><span class="chip chip-type">${PAGE_TYPES[str(hit.type)] ?? ''}</span></span>`;
  return { href: hit.url, html, section: false };
}

/**
 * An option's link and inner HTML. A hit whose best match for `q` lies in a section names that
 * section at the head of its snippet line and links to its heading; the line keeps its place, so
 * the section upgrade replaces it rather than adding one.
 */
function optionParts(hit: Hit & { url: string }, q: string): { href: string; html: string; section: boolean } {
  if (isPageHit(hit)) return pageParts(hit);
  const section = bestSection(hit, q);
  const title = highlightHtml(str(hit._formatted?.title) || str(hit.title));
  const snippet = highlightHtml(section?.text || str(hit._formatted?.content) || str(hit._formatted?.excerpt) || str(hit.excerpt));
  const heading = section
    ? `<span class="search-hit-section"><span class="visually-hidden">Section: </span>${highlightHtml(section.heading)}</span> `
    : '';
  const roles = Array.isArray(hit.roleNames) ? hit.roleNames.filter((r): r is string => typeof r === 'string') : [];
  const chips = roles.map((r) => `<span class="chip">${escapeHtml(r)}</span>`).join('');
  const html =
    `<span class="search-hit-title">${title}</span>` +
    (heading || snippet ? `<span class="search-hit-snippet">${heading}${snippet}</span>` : '') +
    (chips ? `<span class="search-hit-roles">${chips}</span>` : '');
  return { href: hitHref(hit.url, section), html, section: section !== null };
}

/**
 * Listbox options for the hits, as HTML. Each option is itself the link (an `<a role="option">`), so
 * mouse, touch and middle-click work natively while the combobox moves a virtual focus over them.
 * Options are numbered from `first` (their ids: `<idPrefix>-<n>`, n counting all results). Every
 * value from Meilisearch passes through escapeHtml/highlightHtml.
 */
export function renderHits(hits: Hit[], idPrefix: string, q: string, first = 0): string {
  return linkable(hits)
    .map((hit, i) => {
      const n = first + i;
      const { href, html } = optionParts(hit, q);
      return `<a role="option" id="${idPrefix}-${n}" class="search-hit" href="${escapeHtml(href)}" tabindex="-1" aria-selected="false">${html}</a>`;
    })
    .join('');
}

/** A painted option to change: which one (its id), where it now links, what it now holds. */
export type SectionUpgrade = { id: string; href: string; html: string };

/**
 * What changes once the hits carry their sections (`withSections`): for each option `renderHits`
 * painted from the same hits, `idPrefix` and `first` whose best match lies in a section, its new
 * link and content. Other options stay as they are.
 */
export function sectionUpgrades(hits: Hit[], idPrefix: string, q: string, first = 0): SectionUpgrade[] {
  return linkable(hits).flatMap((hit, i) => {
    const { href, html, section } = optionParts(hit, q);
    return section ? [{ id: `${idPrefix}-${first + i}`, href, html }] : [];
  });
}

/**
 * Asks for the sections of painted results and upgrades their options in place: the option elements
 * stay, so keyboard focus, the active option (`aria-selected`, aria-activedescendant) and the scroll
 * position stay too. Resolves with the section query's processingTimeMs, or null when nothing was
 * upgraded because there were no hits, a newer search started or the request failed.
 */
export async function upgradeSections(
  listbox: HTMLElement,
  result: FoundResult,
  idPrefix: string,
  q: string,
  first = 0,
): Promise<number | null> {
  if (result.hits.length === 0) return null;
  // Sent at once, the section query (several times the results query's work for Meilisearch) would
  // compete for the same cores with the browser painting those results: it waits for that frame.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  const sections = await result.sections();
  if (!sections) return null;
  for (const upgrade of sectionUpgrades(withSections(result.hits, sections.hits), idPrefix, q, first)) {
    const option = listbox.querySelector<HTMLAnchorElement>(`#${upgrade.id}`);
    if (!option) continue;
    option.setAttribute('href', upgrade.href);
    option.innerHTML = upgrade.html;
  }
  return sections.ms;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The line the live region announces after a search; `ms` is the results query's processingTimeMs. */
export function resultCountText(total: number, ms: number, q: string): string {
  const text = q.trim() ? `“${q.trim()}”` : '';
  return total === 0 ? `No articles match${text && ` ${text}`}.` : `${plural(total, 'result')}${text && ` for ${text}`} (${ms} ms).`;
}
