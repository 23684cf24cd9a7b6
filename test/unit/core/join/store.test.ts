/** StoreBuilder (core/join/store.ts): columns stay aligned with the records added. */
import { describe, expect, it } from 'vitest';
import { StoreBuilder } from '../../../../core/join/store';
import { packedAt } from '../../../../core/join/packed';

const join = { key: 'email', fallbackKeys: [], normalize: ['trim', 'lower'] as const };

describe('StoreBuilder', () => {
  it('keeps raw record i at entry i, also when a record came without one', () => {
    const builder = new StoreBuilder('hr', { ...join, normalize: [...join.normalize] }, { all: true }, true);
    builder.file('hr.csv');
    builder.add(2, 'E1', [], { email: 'ann@acme.test' }, null);
    builder.add(3, 'E2', [], { email: 'Bob@acme.test ' }, { id: 'E2', mail: 'Bob@acme.test ' });
    const store = builder.finish();
    expect(store.count).toBe(2);
    expect(store.raws).toEqual([null, { id: 'E2', mail: 'Bob@acme.test ' }]);
    expect(store.keys).toEqual(['ann@acme.test', 'bob@acme.test']);
    expect([packedAt(store.externalIds, 0), packedAt(store.externalIds, 1)]).toEqual(['E1', 'E2']);
  });

  it('keeps no raw records unless asked', () => {
    const builder = new StoreBuilder('hr', { ...join, normalize: [...join.normalize] }, { all: true }, false);
    builder.add(2, 'E1', [], { email: 'ann@acme.test' }, { id: 'E1' });
    expect(builder.finish().raws).toBeNull();
  });
});
