import { describe, expect, it } from 'vitest';
import { editSource, validateSourceEdit } from '../../src/domain/source-form.js';
import type { Database } from '../../src/domain/types.js';

describe('validateSourceEdit', () => {
  it.each([
    [{ fiscalYearEnd: 9 }, 9],
    [{ fiscalYearEnd: '9' }, 9],
    [{ fiscalYearEnd: 'September' }, 9],
    [{ fiscalYearEnd: 'sep' }, 9],
    [{ fiscalYearEnd: ' 12 ' }, 12],
    [{ fiscalYearEnd: '' }, null],
    [{ fiscalYearEnd: null }, null],
    [{}, undefined],
  ])('when the fiscal year end is given as %j, then it is %s', (body, month) => {
    expect(validateSourceEdit(body)).toEqual({ ok: true, value: month === undefined ? {} : { fiscalYearEnd: month } });
  });

  it.each([{ fiscalYearEnd: 0 }, { fiscalYearEnd: 13 }, { fiscalYearEnd: 9.5 }, { fiscalYearEnd: 'Sept 30' }, { fiscalYearEnd: 'se' }, { fiscalYearEnd: true }])(
    'when the fiscal year end is %j, then it is refused naming the field',
    (body) => {
      const result = validateSourceEdit(body);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['fiscalYearEnd']);
    },
  );

  it('when the website is not http(s) or the kind is unknown, then each is refused by name', () => {
    const result = validateSourceEdit({ url: 'javascript:alert(1)', kind: 'blog' });
    expect(!result.ok && result.errors.map((e) => e.field).sort()).toEqual(['kind', 'url']);
  });
});

describe('editSource', () => {
  const db: Database = {
    version: 3,
    stories: [],
    sources: [
      { id: 'apple', name: 'Apple', kind: 'company', url: 'https://www.apple.com/' },
      { id: 'reuters', name: 'Reuters', kind: 'wire-service' },
    ],
    documents: [],
    claims: [],
    revisions: [],
    relations: [],
  };

  it('when a fiscal year end is set, then only that source changes, in a new list, its other fields kept', () => {
    const { data, result } = editSource(db, 'apple', { fiscalYearEnd: 9 });
    expect(result).toEqual({ id: 'apple', name: 'Apple', kind: 'company', url: 'https://www.apple.com/', fiscalYearEnd: 9 });
    expect(data.sources).not.toBe(db.sources);
    expect(data.sources[1]).toBe(db.sources[1]);
    expect(db.sources[0]).not.toHaveProperty('fiscalYearEnd');
  });

  it('when fields are cleared, then they are gone from the source', () => {
    const set = editSource(db, 'apple', { fiscalYearEnd: 9 }).data;
    expect(editSource(set, 'apple', { url: null, fiscalYearEnd: null }).result).toEqual({ id: 'apple', name: 'Apple', kind: 'company' });
  });

  it('when there is no such source, then nothing changes', () => {
    expect(editSource(db, 'nobody', { fiscalYearEnd: 9 })).toEqual({ data: db, result: undefined });
  });
});
