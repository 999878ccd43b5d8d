/** A salary band as the `salaries` index returns it to SALARY_QUERY, its pay word matched; `over` replaces fields. */
export const salaryHit = (over: Record<string, unknown> = {}) => ({
  documentId: 'r1',
  role: 'Backend developer',
  url: '/roles/backend-developer/',
  region: 'Germany',
  level: 'entry',
  period: 'month',
  currency: 'EUR',
  min: 2700,
  max: 3500,
  sourceNote: 'Overview of the German market.',
  _matchesPosition: { topic: [{ start: 0, length: 6 }] },
  ...over,
});
