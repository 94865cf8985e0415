import { describe, expect, it } from 'vitest';
import { parseIsoTime, parseListQuery } from '../../src/api/list-query.ts';

describe('list query time range', () => {
  it('reads ISO 8601 dates and date-times, UTC when no zone is given', () => {
    expect(parseIsoTime('2026-11-30')).toBe(Date.UTC(2026, 10, 30));
    expect(parseIsoTime('2026-11-30T06:05')).toBe(Date.UTC(2026, 10, 30, 6, 5));
    expect(parseIsoTime('2026-11-30T06:05:07.250Z')).toBe(Date.UTC(2026, 10, 30, 6, 5, 7, 250));
    expect(parseIsoTime('2026-11-30T06:05+01:00')).toBe(Date.UTC(2026, 10, 30, 5, 5));
    for (const bad of ['', 'yesterday', '30.11.2026', '2026-13-45', '2026-11-30 06:05', '1700000000000']) expect(parseIsoTime(bad), bad).toBeNaN();
  });

  it('passes the range to the listing and names a bad bound', () => {
    expect(parseListQuery({ createdFrom: '2026-11-30', createdTo: '2026-12-01T00:00Z' })).toMatchObject({ createdFrom: Date.UTC(2026, 10, 30), createdTo: Date.UTC(2026, 11, 1) });
    expect(() => parseListQuery({ createdTo: 'soon' })).toThrow(/^createdTo: must be an ISO 8601 date or date-time/);
  });
});
