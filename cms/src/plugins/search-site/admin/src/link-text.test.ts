import { describe, expect, it } from 'vitest';
import { brokenSummary, linkedFromSummary, problemText } from './link-text';

describe('link check texts', () => {
  it('says why a link is broken', () => {
    expect(problemText({ kind: 'article', problem: 'draft' })).toBe('a draft, not published');
    expect(problemText({ kind: 'skill', problem: 'missing' })).toBe('no such skill');
  });

  it('counts broken links and the published articles an unpublish would break', () => {
    expect(brokenSummary(0)).toBe('No broken links in the saved draft.');
    expect(brokenSummary(1)).toBe('1 broken link in the saved draft:');
    expect(brokenSummary(3)).toBe('3 broken links in the saved draft:');
    expect(linkedFromSummary(0)).toBe('No published article links here.');
    expect(linkedFromSummary(1)).toBe('Linked from 1 published article (unpublishing or deleting breaks its link):');
    expect(linkedFromSummary(2)).toBe('Linked from 2 published articles (unpublishing or deleting breaks their links):');
  });
});
