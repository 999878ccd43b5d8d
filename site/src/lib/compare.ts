import type { Role, Skill, SkillCategory } from '../loaders/schemas.ts';

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
