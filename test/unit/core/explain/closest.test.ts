import { describe, expect, it } from 'vitest';
import { closestKeys } from '../../../../core/explain/closest';

describe('closestKeys', () => {
  const keys = ['ann.lee@acme.com', 'anne.lee@acme.com', 'bob.roy@acme.com', 'an.lee@acme.com', 'zed@else.org'];
  it('offers plausible variants nearest first', () => {
    expect(closestKeys('ann.le@acme.com', keys)).toEqual(['ann.lee@acme.com', 'an.lee@acme.com', 'anne.lee@acme.com']);
  });
  it('offers nothing when no key is within reach', () => {
    expect(closestKeys('matthew.boateng@contoso-partners.com', keys)).toEqual([]);
  });
  it('never offers the key itself', () => {
    expect(closestKeys('bob.roy@acme.com', keys)).not.toContain('bob.roy@acme.com');
  });
});
