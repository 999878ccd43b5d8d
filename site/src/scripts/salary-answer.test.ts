import { describe, expect, it } from 'vitest';
import { salaryAnswer, salaryCardHtml } from './salary-answer.ts';
import { salaryHit } from './salary-hit.fixture.ts';

describe('salaryAnswer', () => {
  it("answers with one role's bands when every band matched the pay word", () => {
    const answer = salaryAnswer([salaryHit(), salaryHit({ level: 'manager', min: 5800, max: null, sourceNote: 'Same overview.' })]);
    expect(answer).toEqual({
      role: 'Backend developer',
      url: '/roles/backend-developer/',
      bands: [
        {
          region: 'Germany',
          level: 'entry',
          period: 'month',
          currency: 'EUR',
          min: 2700,
          max: 3500,
          sourceNote: 'Overview of the German market.',
        },
        { region: 'Germany', level: 'manager', period: 'month', currency: 'EUR', min: 5800, max: null, sourceNote: 'Same overview.' },
      ],
    });
  });

  it('shows nothing rather than a figure that may not answer the question', () => {
    expect(salaryAnswer([]), 'no band').toBeNull();
    expect(salaryAnswer(undefined), 'no answer').toBeNull();
    expect(salaryAnswer([salaryHit({ _matchesPosition: { role: [{ start: 0, length: 7 }] } })]), 'no pay word').toBeNull();
    expect(salaryAnswer([salaryHit(), salaryHit({ documentId: 'r2', role: 'Frontend developer' })]), 'two roles').toBeNull();
    expect(salaryAnswer([salaryHit({ min: '2700' })]), 'a figure of another type').toBeNull();
    expect(salaryAnswer([salaryHit({ max: -1 })]), 'a negative figure').toBeNull();
    expect(salaryAnswer([salaryHit({ level: 'intern' })]), 'an unknown level').toBeNull();
    expect(salaryAnswer([salaryHit({ url: 'https://elsewhere.test/' })]), 'a link off the site').toBeNull();
    expect(salaryAnswer([salaryHit(), salaryHit({ currency: 'euro' })]), 'one bad band spoils the card').toBeNull();
  });
});

describe('salaryCardHtml', () => {
  it('shows each region and period with its levels, exact ranges, "and more" and the source, linking to the salary section', () => {
    const html = salaryCardHtml(
      salaryAnswer([salaryHit(), salaryHit({ level: 'manager', min: 5800, max: null, sourceNote: 'Same overview.' })])!,
      'h-answer',
    );
    expect(html).toMatch(
      /^<a role="option" id="h-answer" class="search-hit search-answer" href="\/roles\/backend-developer\/#salary-title"/,
    );
    expect(html).toContain('Backend developer salary');
    expect(html).toContain('Germany, gross pay per month in euros (EUR)');
    expect(html).toContain('<span class="search-answer-level">Entry</span> <strong>€2,700 – €3,500</strong>');
    expect(html).toContain('<span class="search-answer-level">Manager</span> <strong>€5,800 and more</strong>');
    expect(html).toContain('Source: Overview of the German market. Same overview.');
  });

  it('escapes what the index holds', () => {
    const html = salaryCardHtml(salaryAnswer([salaryHit({ role: '<img src=x onerror=alert(1)>', region: '"><script>' })])!, 'h-answer');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; salary');
  });
});
