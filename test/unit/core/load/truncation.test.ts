import { describe, expect, it } from 'vitest';
import { loadFile, type LoadOptions } from '../../../../core/load';
import { codes, expectActionable, input, issueOf } from './helpers';

const auto: LoadOptions = { format: 'auto' };
const USERS = [{ id: '1' }];

describe('loadFile: next-page markers', () => {
  const marked = [
    {
      description: 'Microsoft Graph',
      input: {
        '@odata.context': 'x',
        value: USERS,
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?$skiptoken=X',
      },
      expected: '@odata.nextLink',
    },
    {
      description: 'Azure Resource Manager',
      input: { value: USERS, nextLink: 'https://management.azure.com/next' },
      expected: 'nextLink',
    },
    {
      description: 'Slack',
      input: { ok: true, members: USERS, response_metadata: { next_cursor: 'dXNlcjpVMEc5V0ZYTlo=' } },
      expected: 'response_metadata.next_cursor',
    },
    {
      description: 'Google Directory',
      input: { kind: 'admin#directory#users', users: USERS, nextPageToken: 'abc' },
      expected: 'nextPageToken',
    },
    {
      description: 'JSON:API links.next',
      input: { data: USERS, links: { next: 'https://api.x.io/users?page=2' } },
      expected: 'links.next',
    },
    {
      description: 'next URL',
      input: { results: USERS, next: 'https://api.x.io/users?page=2' },
      expected: 'next',
    },
    {
      description: 'paging.next',
      input: { data: USERS, paging: { next: { after: 'MTAx' } } },
      expected: 'paging.next',
    },
    { description: 'hasMore', input: { items: USERS, hasMore: true }, expected: 'hasMore: true' },
    { description: 'has_more', input: { data: USERS, has_more: true }, expected: 'has_more: true' },
    { description: 'Jira isLast', input: { values: USERS, isLast: false }, expected: 'isLast: false' },
  ];

  it.each(marked)('warns on $description ($expected)', ({ input: doc, expected }) => {
    const loaded = loadFile(input('page1.json', JSON.stringify(doc)), auto);
    const issue = issueOf(loaded, 'load.truncated');
    expect(issue.severity).toBe('warning');
    expect(issue.message).toBe(
      `page1.json has a next-page marker (${expected}): this looks like one page of a paged export.`,
    );
    expectActionable(issue, 'page1.json', 'Add the other pages as files of source "hr"');
    expect(loaded.records).toHaveLength(1);
  });

  const unmarked = [
    { description: 'a bare array', input: USERS },
    {
      description: 'Slack last page (empty next_cursor)',
      input: { ok: true, members: USERS, response_metadata: { next_cursor: '' } },
    },
    { description: 'empty nextPageToken', input: { users: USERS, nextPageToken: '' } },
    { description: 'hasMore false', input: { items: USERS, hasMore: false, has_more: false } },
    { description: 'null next link', input: { results: USERS, next: null, links: { next: null } } },
    { description: 'Jira last page', input: { values: USERS, isLast: true } },
  ];

  it.each(unmarked)('stays quiet on $description', ({ input: doc }) => {
    expect(codes(loadFile(input('page.json', JSON.stringify(doc)), auto).issues)).toEqual([]);
  });

  it('treats an HTTP Link header with rel="next" as a marker', () => {
    const text = [
      'HTTP/1.1 200 OK',
      'link: <https://x.okta.com/api/v1/users?after=100>; rel="next"',
      '',
      JSON.stringify(USERS),
    ].join('\n');
    const loaded = loadFile(input('okta.json', text), auto);
    expect(codes(loaded.issues)).toEqual(['json.http-headers', 'load.truncated']);
    expect(issueOf(loaded, 'load.truncated').message).toContain('HTTP Link header rel="next"');
  });

  it('lists every marker in one warning', () => {
    const loaded = loadFile(
      input('p.json', JSON.stringify({ value: USERS, '@odata.nextLink': 'u', hasMore: true })),
      auto,
    );
    expect(issueOf(loaded, 'load.truncated').message).toContain('(@odata.nextLink, hasMore: true)');
  });
});
