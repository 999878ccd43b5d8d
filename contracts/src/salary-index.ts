import { MAX_TOTAL_HITS, TYPOS } from './search-index.ts';

/**
 * One salary band of a role as it sits in the `salaries` index, figures exactly as the CMS holds
 * them. Its words are what a pay question names: the role, region, level, period, currency and
 * SALARY_TOPIC, so a query matching every one of its words asks for this band (see SALARY_QUERY).
 */
export type SalaryDocument = {
  /** `<role documentId>-<position>`. */
  id: string;
  /** The role's Strapi documentId. */
  documentId: string;
  /** The band's place in the role's list (0 first). */
  position: number;
  role: string;
  /** The role page. */
  url: string;
  region: string;
  level: 'entry' | 'experienced' | 'lead' | 'manager';
  /** The level in the words a question uses (SALARY_LEVEL_TERMS). */
  levelTerms: string;
  period: 'month' | 'year';
  /** "per month" or "per year". */
  periodTerms: string;
  currency: string;
  min: number;
  /** Null: "and more". */
  max: number | null;
  sourceNote: string;
  /** Always SALARY_TOPIC: the word a query must match (itself or a synonym) to ask about pay. */
  topic: string;
  /** The role's updatedAt, unix seconds. */
  updatedAt: number;
};

/** The word every salary band holds; the editors' vocabulary makes pay, earn, wage… find it. */
export const SALARY_TOPIC = 'salary';
/** Salary levels in the words readers use; the vocabulary maps junior, senior… onto them. */
export const SALARY_LEVEL_TERMS: Record<SalaryDocument['level'], string> = {
  entry: 'entry level',
  experienced: 'experienced',
  lead: 'lead',
  manager: 'manager',
};

/** Settings of the `salaries` index: only the words a pay question names are searchable. */
export const SALARY_SETTINGS = {
  searchableAttributes: ['role', 'region', 'levelTerms', 'periodTerms', 'currency', 'topic'],
  displayedAttributes: [
    'id',
    'documentId',
    'position',
    'role',
    'url',
    'region',
    'level',
    'levelTerms',
    'period',
    'periodTerms',
    'currency',
    'min',
    'max',
    'sourceNote',
    'topic',
    'updatedAt',
  ],
  filterableAttributes: ['documentId'],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness'],
  typoTolerance: TYPOS,
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 100 },
} as const;

/** Id of the salary section on a role page: the answer card links there. */
export const SALARY_SECTION_ID = 'salary-title';
