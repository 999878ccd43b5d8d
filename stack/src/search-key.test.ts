import { describe, expect, it } from 'vitest';
import { parseKey } from './search-key.ts';

describe('parseKey', () => {
  it('reads the one JSON line keys --json prints', () => {
    expect(parseKey('{"indexUid":"articles","searchKey":"abc","url":"http://127.0.0.1:7700"}')).toEqual({
      indexUid: 'articles',
      searchKey: 'abc',
      url: 'http://127.0.0.1:7700',
    });
  });

  it('ignores log lines and incomplete objects', () => {
    expect(parseKey('{"level":30,"msg":"connected"}')).toBeUndefined();
    expect(parseKey('search key: abc')).toBeUndefined();
    expect(parseKey('{ broken')).toBeUndefined();
  });
});
