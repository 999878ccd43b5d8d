import { describe, expect, it } from 'vitest';
import { type CmsRole, type CmsSkill, pageDocuments, roleDocuments, skillDocuments } from './page-documents.ts';

const role: CmsRole = {
  documentId: 'r1',
  name: 'Backend developer',
  slug: 'backend-developer',
  tagline: 'Builds the server side.',
  summary: 'Writes services.',
  responsibilities: [
    { title: 'Program databases', description: 'Design and query them.' },
    { title: 'Keep it running', description: null },
  ],
  salaryBands: [
    { region: 'Germany', currency: 'EUR', period: 'month', level: 'entry', min: 2700, max: 3500, sourceNote: 'Overview.' },
    { region: 'Germany', currency: 'EUR', period: 'month', level: 'manager', min: 5800, max: null, sourceNote: null },
  ],
  skills: [],
  updatedAt: '2026-01-02T03:04:05.000Z',
};

const skill: CmsSkill = {
  documentId: 's1',
  name: 'PostgreSQL',
  slug: 'postgresql',
  category: 'database',
  description: 'A relational database.',
  updatedAt: '2026-01-02T03:04:06.000Z',
};

describe('role and skill documents', () => {
  it("makes a role's page from its tagline, summary and responsibilities", () => {
    const { pages } = roleDocuments(role);
    expect(pages).toEqual([
      {
        id: 'role-r1',
        type: 'role',
        documentId: 'r1',
        slug: 'backend-developer',
        url: '/roles/backend-developer/',
        name: 'Backend developer',
        summary: 'Builds the server side.',
        content: 'Writes services.\nResponsibilities\nProgram databases. Design and query them.\nKeep it running',
        category: null,
        updatedAt: Date.parse(role.updatedAt) / 1000,
      },
    ]);
  });

  it('makes one salary document per band with the figures exactly as the CMS holds them', () => {
    const { salaries } = roleDocuments(role);
    expect(salaries.map((d) => [d.id, d.position, d.region, d.level, d.levelTerms, d.periodTerms, d.min, d.max, d.sourceNote])).toEqual([
      ['r1-0', 0, 'Germany', 'entry', 'entry level', 'per month', 2700, 3500, 'Overview.'],
      ['r1-1', 1, 'Germany', 'manager', 'manager', 'per month', 5800, null, ''],
    ]);
    expect(salaries.every((d) => d.topic === 'salary' && d.role === 'Backend developer' && d.url === '/roles/backend-developer/')).toBe(
      true,
    );
    expect(salaries.every((d) => d.documentId === 'r1' && d.updatedAt === Date.parse(role.updatedAt) / 1000)).toBe(true);
  });

  it("makes a skill's page from its description, with its category and no salaries", () => {
    expect(skillDocuments(skill)).toEqual({
      pages: [
        expect.objectContaining({
          id: 'skill-s1',
          type: 'skill',
          url: '/skills/postgresql/',
          summary: 'A relational database.',
          category: 'database',
        }),
      ],
      salaries: [],
    });
  });

  it('collects the documents of many roles or skills', () => {
    const all = pageDocuments('role', [role, { ...role, documentId: 'r2', salaryBands: [] }]);
    expect(all.pages.map((d) => d.id)).toEqual(['role-r1', 'role-r2']);
    expect(all.salaries.map((d) => d.id)).toEqual(['r1-0', 'r1-1']);
    expect(pageDocuments('skill', [skill]).pages.map((d) => d.id)).toEqual(['skill-s1']);
  });
});
