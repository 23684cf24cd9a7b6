import { describe, expect, it } from 'vitest';
import { suggestLinks } from '../../../../core/advice/suggest-links';
import { rec, user } from './helpers';

const roster = [
  user('pablo.perry@acme.com', { first_name: 'Pablo', last_name: 'Perry', email: 'pablo.perry@acme.com', employee_id: '7' }),
  user('laura.gray@acme.com', { first_name: 'Laura', last_name: 'Gray', email: 'laura.gray@acme.com', employee_id: '8' }),
  user('lars.gray@acme.com', { first_name: 'Lars', last_name: 'Gray', email: 'lars.gray@acme.com', employee_id: '9' }),
  user('zoe.quinn@acme.com', { first_name: 'Zoë', last_name: 'Quinn', email: 'zoe.quinn@acme.com' }),
];

describe('suggestLinks', () => {
  it('suggests the user with equal first and last name when the email differs, with the reasons', () => {
    const [s] = suggestLinks({ roster, records: [rec('slack', 'orphan', { display_name: 'Pablo Perry', email: 'pabloperry86@gmail.com' })] });
    expect(s.suggestions[0]).toMatchObject({ key: 'pablo.perry@acme.com', score: 0.9 });
    expect(s.suggestions[0].reasons).toContain('first and last name are equal');
    expect(s.suggestions[0].reasons).toContainEqual(expect.stringContaining('email differs ("pabloperry86@gmail.com" vs "pablo.perry@acme.com")'));
  });

  it('ranks an equal employee id first', () => {
    const [s] = suggestLinks({ roster, records: [rec('okta', 'orphan', { first_name: 'Laura', last_name: 'Gray', email: 'lgray@acme.com', employee_id: '8' })] });
    expect(s.suggestions[0].key).toBe('laura.gray@acme.com');
    expect(s.suggestions[0].reasons[0]).toBe('employee id 8 is equal');
  });

  it('folds accents and case when comparing names', () => {
    const [s] = suggestLinks({ roster, records: [rec('chat', 'orphan', { first_name: 'ZOE', last_name: 'quinn', email: 'zq@else.org' })] });
    expect(s.suggestions[0]?.key).toBe('zoe.quinn@acme.com');
  });

  it('suggests nothing for a stranger and skips records that are not orphans', () => {
    const out = suggestLinks({
      roster,
      records: [rec('chat', 'orphan', { first_name: 'Xavier', last_name: 'Bloggs', email: 'xb@partner.com' }), rec('chat', 'joined', { first_name: 'Pablo', last_name: 'Perry' })],
    });
    expect(out).toHaveLength(1);
    expect(out[0].suggestions).toEqual([]);
  });
});
