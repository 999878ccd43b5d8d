import type { Role, Skill } from '@stackguide/contracts/entries';
import { SALARY_LEVEL_TERMS, SALARY_TOPIC, type SalaryDocument } from '@stackguide/contracts/salary-index';
import { type PageDocument, roleUrl, skillUrl } from '@stackguide/contracts/search-index';
import { unixSeconds } from './document.ts';

/** Roles and skills: the CMS types whose own pages are indexed beside articles. */
export type PageKind = 'role' | 'skill';
/** A published role as search-sync reads it from the CMS: the site's shape plus when it changed. */
export type CmsRole = Role & { updatedAt: string };
/** A published skill as search-sync reads it from the CMS. */
export type CmsSkill = Skill & { updatedAt: string };
export type PageEntry<K extends PageKind> = { role: CmsRole; skill: CmsSkill }[K];

/** What a role or skill adds to the indexes: its page, and a role's salary bands. */
export type PageDocuments = { pages: PageDocument[]; salaries: SalaryDocument[] };

/** Id of the page document of a role or skill: both share the `pages` index. */
export const pageId = (type: PageDocument['type'], documentId: string) => `${type}-${documentId}`;

/** A role's page and one document per salary band, figures exactly as the CMS holds them. */
export function roleDocuments(role: CmsRole): PageDocuments {
  const updatedAt = unixSeconds(role.updatedAt);
  const url = roleUrl(role.slug);
  const duties = role.responsibilities.map((r) => (r.description ? `${r.title}. ${r.description}` : r.title));
  const page: PageDocument = {
    id: pageId('role', role.documentId),
    type: 'role',
    documentId: role.documentId,
    slug: role.slug,
    url,
    name: role.name,
    summary: role.tagline ?? '',
    // The role page's words: its summary, then its responsibilities section under that heading.
    content: [role.summary ?? '', ...(duties.length > 0 ? ['Responsibilities', ...duties] : [])].filter(Boolean).join('\n'),
    category: null,
    updatedAt,
  };
  const salaries = role.salaryBands.map(
    (band, position): SalaryDocument => ({
      id: `${role.documentId}-${position}`,
      documentId: role.documentId,
      position,
      role: role.name,
      url,
      region: band.region,
      level: band.level,
      levelTerms: SALARY_LEVEL_TERMS[band.level],
      period: band.period,
      periodTerms: `per ${band.period}`,
      currency: band.currency,
      min: band.min,
      max: band.max,
      sourceNote: band.sourceNote ?? '',
      topic: SALARY_TOPIC,
      updatedAt,
    }),
  );
  return { pages: [page], salaries };
}

/** A skill's page. */
export function skillDocuments(skill: CmsSkill): PageDocuments {
  const page: PageDocument = {
    id: pageId('skill', skill.documentId),
    type: 'skill',
    documentId: skill.documentId,
    slug: skill.slug,
    url: skillUrl(skill.slug),
    name: skill.name,
    summary: skill.description ?? '',
    content: '',
    category: skill.category,
    updatedAt: unixSeconds(skill.updatedAt),
  };
  return { pages: [page], salaries: [] };
}

/** The documents of these roles or skills, together. */
export function pageDocuments<K extends PageKind>(kind: K, entries: Iterable<PageEntry<K>>): PageDocuments {
  const all: PageDocuments = { pages: [], salaries: [] };
  for (const entry of entries) {
    const docs = kind === 'role' ? roleDocuments(entry as CmsRole) : skillDocuments(entry as CmsSkill);
    all.pages.push(...docs.pages);
    all.salaries.push(...docs.salaries);
  }
  return all;
}
