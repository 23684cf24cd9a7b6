/**
 * Edge cases of real exports (issue 7): an empty page, a page with a next marker, a CSV with a BOM and
 * Windows line endings, a JSON export saved with its HTTP response headers.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../core/pipeline';
import { detectSource } from '../../../../core/presets';
import { fixture, load } from './fixtures';

describe('export edge cases', () => {
  it('an empty page is still recognized from its envelope, and the project runs with no records', async () => {
    const f = fixture('msgraph-users/users-empty-page.json');
    const { loaded, sample, input } = load(f);
    expect(loaded.records).toEqual([]);
    expect(loaded.envelope).toMatchObject({ recordsKey: 'value', keys: ['@odata.context', 'value'] });
    const d = detectSource(sample);
    expect(d.preset).toBe('msgraph-users');
    expect(d.notes.join(' ')).toMatch(/holds no records/);
    const result = await runPipeline([input], {
      name: 't',
      primary: 's',
      sources: [{ id: 's', files: [f.file], ...d.source }],
    });
    expect(result.stats.perSource.s.loaded).toBe(0);
    expect(result.warnings.map((w) => w.code)).toContain('load.no-records');
  });

  it('an empty page next to a full one: together they are one source whose mapping is checked against data', async () => {
    const pages = ['msgraph-users/users-page-2.json', 'msgraph-users/users-empty-page.json'].map(fixture);
    const d = detectSource(load(pages[0]).sample);
    const result = await runPipeline(
      pages.map((p) => load(p).input),
      { name: 't', primary: 's', sources: [{ id: 's', files: pages.map((p) => p.file), ...d.source }] },
    );
    expect(result.stats.perSource.s.loaded).toBe(3);
    expect(result.warnings.filter((w) => w.code.startsWith('map.'))).toEqual([]);
  });

  it.each([
    ['msgraph-users/users-page-1.json', 'msgraph-users', '@odata.nextLink'],
    ['slack-users-list/users.list-page-1.json', 'slack-users-list', 'response_metadata.next_cursor'],
    ['okta-users-api/users-page-http.json', 'okta-users-api', 'HTTP Link header rel="next"'],
    ['jira-users/customers-page.json', 'jira-users', 'isLastPage: false'],
  ])('a page with a next marker (%s) is recognized and warned about as truncated', (name, preset, marker) => {
    const { loaded, sample } = load(fixture(name));
    expect(detectSource(sample).preset).toBe(preset);
    expect(sample.envelope?.markers).toContain(marker);
    const warning = loaded.issues.find((i) => i.code === 'load.truncated');
    expect(warning?.message).toContain(marker);
  });

  it('a Slack page whose next_cursor is empty is the last page: no warning', () => {
    const { loaded } = load(fixture('slack-users-list/users.list.json'));
    expect(loaded.issues.map((i) => i.code)).not.toContain('load.truncated');
  });

  it('a CSV with a BOM and Windows line endings reads clean headers and values', () => {
    const f = fixture('entra-users-csv/exportUsers_2026-11-2.csv');
    expect([...f.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(f.bytes)).toContain('\r\n');
    const { loaded, sample } = load(f);
    expect(loaded.encoding).toBe('utf-8-bom');
    expect(loaded.columns[0]).toBe('userPrincipalName');
    expect(loaded.records.at(-1)?.raw.legalAgeGroupClassification).toBe('');
    expect(detectSource(sample).source.mapping.user_name).toBe('userPrincipalName');
  });

  it('a JSON export saved with its HTTP response headers is read and recognized', async () => {
    const f = fixture('okta-users-api/users-page-http.json');
    const { loaded, sample, input } = load(f);
    expect(loaded.envelope?.http).toBe('HTTP/1.1 200 OK');
    expect(loaded.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['json.http-headers', 'load.truncated']),
    );
    const d = detectSource(sample);
    expect(d.preset).toBe('okta-users-api');
    const result = await runPipeline([input], {
      name: 't',
      primary: 's',
      sources: [{ id: 's', files: [f.file], ...d.source }],
    });
    expect(result.stats.perSource.s.primary).toBe(2);
  });
});

describe('paging notes', () => {
  it('a proposal for one page of a paged export says to add the other pages', () => {
    const d = detectSource(load(fixture('slack-users-list/users.list-page-1.json')).sample);
    expect(d.notes.join(' ')).toMatch(
      /users\.list-page-1\.json is one page of a paged export \(response_metadata\.next_cursor\)/,
    );
    expect(detectSource(load(fixture('slack-users-list/users.list.json')).sample).notes).toEqual([]);
  });

  it('a SCIM page whose totalResults exceeds its resources says so', () => {
    const f = fixture('scim-list-response/Users.json');
    const doc = JSON.parse(new TextDecoder().decode(f.bytes));
    const page = { ...doc, totalResults: 12, itemsPerPage: 5 };
    const d = detectSource(
      load({ file: 'page.json', bytes: new TextEncoder().encode(JSON.stringify(page)) }).sample,
    );
    expect(d.preset).toBe('scim-list-response');
    expect(d.notes.join(' ')).toMatch(/totalResults is 12 but the file holds 5 resources/);
  });
});
