import type { Role, Skill, SkillCategory } from '@stackguide/contracts/entries';
import { compareGroups, groupBands, type BandGroup } from './salary-bands.ts';
import { sharedDomainMax } from './salary-chart.ts';

export type CompareAspect = { title: string; categories: SkillCategory[] };

/** Skill rows of the compare page, each a set of categories. */
export const COMPARE_SKILL_ASPECTS: CompareAspect[] = [
  { title: 'Languages', categories: ['language'] },
  { title: 'Frameworks', categories: ['framework'] },
  { title: 'Databases', categories: ['database'] },
  { title: 'Protocols, practices and tools', categories: ['protocol', 'practice', 'tool'] },
];

/** The role's skills in the given categories, by name. */
export function skillsIn(role: Role, categories: SkillCategory[]): Skill[] {
  return role.skills.filter((s) => categories.includes(s.category)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Skills both roles list, by name. */
export function sharedSkills(a: Role, b: Role): Skill[] {
  const other = new Set(b.skills.map((s) => s.documentId));
  return a.skills.filter((s) => other.has(s.documentId)).sort((x, y) => x.name.localeCompare(y.name));
}

/** One row of the compare page's salary charts: a region, currency and period, each role's bands on one axis. */
export type SalaryComparisonRow = Omit<BandGroup, 'bands'> & { domainMax: number; groups: [BandGroup | undefined, BandGroup | undefined] };

/** Salary groups of two roles paired by region, currency and period, each pair sharing an axis maximum. */
export function salaryComparison(pair: readonly [Role, Role]): SalaryComparisonRow[] {
  const [left, right] = pair.map((role) => groupBands(role.salaryBands)) as [BandGroup[], BandGroup[]];
  const keys = [...new Set([...left, ...right].map((g) => g.key))];
  return keys
    .map((key) => {
      const groups: [BandGroup | undefined, BandGroup | undefined] = [left.find((g) => g.key === key), right.find((g) => g.key === key)];
      const { region, currency, period } = (groups[0] ?? groups[1])!;
      return { key, region, currency, period, domainMax: sharedDomainMax(groups.filter((g) => g !== undefined)), groups };
    })
    .sort(compareGroups);
}
