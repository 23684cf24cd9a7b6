import { describe, expect, it } from 'vitest';
import { loadFile, type LoadOptions } from '../../../../core/load';
import { leafPaths } from '../../../../core/load/columns';
import { input } from './helpers';

const auto: LoadOptions = { format: 'auto' };
const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('leafPaths', () => {
  const cases = [
    { description: 'flat record', input: [{ a: 1, b: 'x' }], expected: ['a', 'b'] },
    { description: 'nested objects', input: [{ a: { b: { c: 1 } } }], expected: ['a.b.c'] },
    { description: 'array of primitives', input: [{ groups: ['x', 'y'] }], expected: ['groups[0]'] },
    { description: 'empty array and object are leaves', input: [{ g: [], m: {} }], expected: ['g', 'm'] },
    {
      description: 'keys with dots are joined as they are',
      input: [{ '@odata.type': 't', 'urn:x:2.0:User': { n: 1 } }],
      expected: ['@odata.type', 'urn:x:2.0:User.n'],
    },
    {
      description: 'union in first-seen order',
      input: [{ b: 1 }, { a: 1, b: 2 }, { c: 1 }],
      expected: ['b', 'a', 'c'],
    },
  ];

  it.each(cases)('$description', ({ input: records, expected }) => {
    expect(leafPaths(records)).toEqual(expected);
  });
});

describe('loadFile: JSON columns', () => {
  it('lists dotted leaf paths in first-seen order, arrays by their first element', () => {
    const records = [
      {
        id: '1',
        profile: { email: 'a@x.io', login: 'a' },
        emails: [
          { value: 'a@x.io', primary: true },
          { value: 'z', extra: 1 },
        ],
      },
      { id: '2', profile: { email: 'b@x.io', city: 'Oslo' }, groups: [], manager: null, meta: {} },
    ];
    const loaded = loadFile(input('users.json', json(records)), auto);
    expect(loaded.columns).toEqual([
      'id',
      'profile.email',
      'profile.login',
      'emails[0].value',
      'emails[0].primary',
      'profile.city',
      'groups',
      'manager',
      'meta',
    ]);
  });

  it('samples only the first 1000 records', () => {
    const records = Array.from({ length: 1001 }, (_, i) => (i === 1000 ? { id: i, late: true } : { id: i }));
    expect(loadFile(input('users.json', JSON.stringify(records)), auto).columns).toEqual(['id']);
  });
});
