import { describe, expect, it } from 'vitest';
import { rangeInvalid, readQueueQuery } from './queue-query.ts';

describe('the queue query from the address', () => {
  it('keeps every valid filter and drops what the server would refuse', () => {
    const id = '0b6f2a52-3c1d-4f0e-9a7b-2d1c5e8f9a10';
    const params = new URLSearchParams({
      q: ' acequia ',
      otherLibrary: id,
      rush: 'true',
      createdFrom: '2026-01-01',
      createdTo: 'yesterday',
      needBeforeTo: '2026-02-01',
      sort: 'needBefore',
      page: '3',
    });
    expect(readQueueQuery('lending', params)).toEqual({
      side: 'lending',
      q: 'acequia',
      otherLibrary: id,
      rush: 'true',
      createdFrom: '2026-01-01',
      needBeforeTo: '2026-02-01',
      sort: 'needBefore',
      page: 3,
      pageSize: 25,
    });
    const junk = readQueueQuery('borrowing', new URLSearchParams('otherLibrary=x&rush=yes&sort=random'));
    expect(junk).toEqual({ side: 'borrowing', page: 1, pageSize: 25 });
  });

  it('flags a reversed date range', () => {
    const q = readQueueQuery('borrowing', new URLSearchParams('createdFrom=2026-02-01&createdTo=2026-01-01'));
    expect(rangeInvalid(q)).toBe(true);
    expect(rangeInvalid(readQueueQuery('borrowing', new URLSearchParams('createdFrom=2026-01-01')))).toBe(
      false,
    );
  });
});
