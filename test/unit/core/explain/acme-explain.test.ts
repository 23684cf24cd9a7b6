/**
 * Explain on the sample project: the exact diagnosis for seeded people, looked up in the generator's
 * manifest (never hard-coded here).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../core/pipeline';
import { explain } from '../../../../core/explain/explain';
import { traceHtml } from '../../../../core/explain/html';
import type { RunResult } from '../../../../core/types';

const dir = resolve(__dirname, '../../../../examples/acme');
const project = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(dir, '2026-11-02/manifest.json'), 'utf8'));
const first = (category: string, where: (c: Record<string, string>) => boolean = () => true) => {
  const found = (manifest.cases[category] as Record<string, string>[]).find(where);
  if (!found) throw new Error(`no ${category} case in the manifest`);
  return found;
};
let run: RunResult;

beforeAll(async () => {
  const inputs = project.sources.map((s: { id: string; files: string[] }) => ({ source: s.id, name: s.files[0], bytes: new Uint8Array(readFileSync(join(dir, s.files[0]))) }));
  run = await runPipeline(inputs, project, { keepRaw: true });
});

describe('explain on the sample', () => {
  it('a filtered service account', () => {
    const svc = first('filteredServiceAccount', (c) => c.source === 'okta');
    const trace = explain(run, svc.login);
    expect(trace.diagnosis[0]).toBe('not in the roster: not present in the primary source "workday" (found only in okta)');
    expect(trace.diagnosis).toContainEqual(expect.stringMatching(new RegExp(`^the okta record "${svc.externalId}" \\(.*okta-users\\.json row \\d+\\) is filtered out by rule "service accounts"$`)));
    expect(trace.records[0].raw).toMatchObject({ id: svc.externalId });
  });

  it('an admin account sharing its person\'s email', () => {
    const admin = first('adminDuplicate', (c) => c.source === 'okta');
    const trace = explain(run, admin.externalId);
    expect(trace.users).toHaveLength(1);
    expect(trace.users[0].identities.okta.id).toBe(admin.personExternalId);
    expect(trace.diagnosis).toContainEqual(
      expect.stringMatching(new RegExp(`^the okta record "${admin.externalId}" .* is not used: 2 records share key "${admin.email}"; policy "prefer-active": kept the first active record \\(id "${admin.personExternalId}"`)),
    );
  });

  it('an orphan chat user, with the closest primary keys', () => {
    const guest = first('orphanChatUser');
    const trace = explain(run, guest.slackId);
    expect(trace.diagnosis[0]).toBe('not in the roster: not present in the primary source "workday" (found only in slack)');
    expect(trace.diagnosis[1]).toMatch(new RegExp(`joins no one: no user of the primary source "workday" has email "${guest.email}"`));
    expect(trace.records[0].closestKeys).toEqual([]);
  });

  it('a user with no ticketing account', () => {
    const person = first('noTicketingAccount');
    const trace = explain(run, person.email);
    expect(trace.users).toHaveLength(1);
    expect(trace.diagnosis).toContainEqual(expect.stringMatching(new RegExp(`^cannot see tickets: no ticketing account linked \\(none has email "${person.email}"\\)`)));
    expect(trace.users[0].coverage).not.toContain('itsm');
  });

  it('a user the rule does not enable, with the attribute values that decided it', () => {
    const person = first('notEnabled');
    const trace = explain(run, person.email);
    expect(trace.diagnosis[1]).toBe(
      `not enabled: rule \`department != "Sales" || country_code == "US"\` is false because department is "Sales", country_code is "${person.countryCode}"`,
    );
  });

  it('finds a person by first and last name', () => {
    const person = first('noChatAccount');
    const user = run.roster.find((u) => u.attributes.email === person.email);
    const trace = explain(run, `${String(user?.attributes.first_name)} ${String(user?.attributes.last_name)}`);
    expect(trace.users.map((u) => u.key)).toContain(person.email);
    expect(trace.diagnosis).toContainEqual(expect.stringMatching(new RegExp(`^not recognized in chat: no chat account has email "${person.email.replace('.', '\\.')}"`)));
  });

  it('says when nothing matches', () => {
    expect(explain(run, 'nobody@nowhere.example').diagnosis).toEqual(['nothing matches this in any source of the run: not in the roster, and no account in any system']);
  });

  it('exports a self-contained HTML page with every value escaped', () => {
    const trace = explain(run, first('orphanChatUser').slackId);
    const html = traceHtml({ ...trace, query: '<script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain(trace.diagnosis[1].replace(/"/g, '&quot;'));
  });

  it("puts each record's mapping and raw record in the HTML page, as the trace has them", () => {
    const trace = explain(run, first('adminDuplicate').email);
    const html = traceHtml(trace);
    const okta = trace.records.find((r) => r.source === 'okta' && r.state === 'duplicate');
    expect(okta?.raw).toBeDefined();
    // The mapping beside the value it made, and the raw record as exported, escaped.
    expect(html).toContain(`user_name = ${String(okta?.attributes.user_name)}   ← ${okta?.mapping.user_name}`);
    expect(html).toContain(`&quot;login&quot;: &quot;${(okta?.raw as { profile: { login: string } }).profile.login}&quot;`);
    expect(html).toContain('<details><summary>raw record</summary>');
    expect(html).toContain(`key ${okta?.key}`);
  });
});
