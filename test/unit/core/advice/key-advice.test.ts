import { describe, expect, it } from 'vitest';
import { keyAdvice } from '../../../../core/advice/key-advice';
import { validateProject } from '../../../../core/project/validate';
import type { Project } from '../../../../core/project/schema';
import { rec } from './helpers';

const config = validateProject({
  name: 't',
  primary: 'hr',
  sources: [
    { id: 'hr', system: 'hris', files: ['a'], externalId: 'id', mapping: { email: 'e', employee_id: 'n' } },
    { id: 'idp', system: 'idam', files: ['b'], externalId: 'id', mapping: { email: 'e', employee_id: 'n' } },
    { id: 'chat', system: 'chat', files: ['c'], externalId: 'id', mapping: { email: 'e' } },
  ],
}).project as Project;

const hr = [1, 2, 3, 4].map((n) => rec('hr', 'primary', { email: `u${n}@acme.com`, employee_id: String(n) }));
const records = [
  ...hr,
  rec('idp', 'joined', { email: 'u1@acme.com', employee_id: '1' }),
  rec('idp', 'orphan', { email: 'alias2@acme.com', employee_id: '2' }),
  rec('idp', 'orphan', { email: 'maiden3@acme.com', employee_id: '3' }),
  rec('idp', 'filtered', { email: 'u4@acme.com', employee_id: '4' }),
  rec('chat', 'joined', { email: 'U1@acme.com ' }),
  rec('chat', 'joined', { email: 'u2@acme.com' }),
];

describe('keyAdvice', () => {
  const advice = keyAdvice({ records, config });

  it('measures each candidate per source: matched share, collisions and variants', () => {
    const idpEmail = advice.candidates.find((c) => c.source === 'idp' && c.attribute === 'email');
    const idpId = advice.candidates.find((c) => c.source === 'idp' && c.attribute === 'employee_id');
    const chatEmail = advice.candidates.find((c) => c.source === 'chat' && c.attribute === 'email');
    expect(idpEmail).toMatchObject({ matched: 1, matchedShare: 0.25, sourceFilled: 3 });
    expect(idpId).toMatchObject({ matched: 3, matchedShare: 0.75, primaryUniqueness: 1 });
    expect(chatEmail?.variants.count).toBe(1);
    expect(advice.candidates.some((c) => c.source === 'chat' && c.attribute === 'employee_id')).toBe(false);
  });

  it('recommends employee id with email as fallback and calls out the current email key', () => {
    expect(advice.current).toMatchObject({ key: 'email', total: 3 });
    expect(advice.recommended).toMatchObject({ key: 'employee_id', fallbackKeys: ['email'], perSource: { idp: 3, chat: 2 }, total: 5 });
    expect(advice.callout).toBe('Joining on email makes 3 of 8 user-source links (37.5%); employee_id then email would make 5 of 8 user-source links (62.5%): 2 more.');
  });

  it('keeps the current key when nothing links more', () => {
    const onlyEmail = records.map((r) => ({ ...r, attributes: { email: r.attributes.email } }));
    const a = keyAdvice({ records: onlyEmail, config });
    expect(a.callout).toBeNull();
    expect(a.summary).toMatch(/^Keep the current key: joining on email/);
  });
});
