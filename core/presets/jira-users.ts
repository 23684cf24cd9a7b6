/**
 * Jira Cloud / Jira Service Management users: `GET /rest/api/3/users` (a bare array; also
 * `/users/search`) or a service desk's customers (`{ "values": [...], "isLastPage": ... }`). Each user
 * has accountId, accountType ("atlassian" a person, "app" an app or bot, "customer" a JSM portal
 * customer), active, displayName, emailAddress (null or absent when the user's privacy settings hide
 * it), self, avatarUrls, timeZone, locale.
 */
import { ProposalBuilder } from './builder';
import { definePreset, share } from './define';
import { hasField, shareOf, valuesAt } from './sample';

const ACCOUNT_TYPES = ['atlassian', 'app', 'customer', 'unknown'];

export const jiraUsers = definePreset({
  id: 'jira-users',
  label: 'Jira / Jira Service Management users (REST JSON)',
  system: 'itsm',
  sourceId: 'jira',
  formats: ['json', 'ndjson'],
  docs: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/',
  nextPage: 'isLast: false',
  detect(sample, e) {
    e.add(0.4, hasField(sample, 'accountId'), 'records have accountId (Atlassian account id)');
    const types = shareOf(sample, 'accountType', (v) => typeof v === 'string' && ACCOUNT_TYPES.includes(v));
    e.add(0.35, types >= 0.9, 'accountType holds atlassian/app/customer');
    const self = shareOf(
      sample,
      'self',
      (v) => typeof v === 'string' && /\/rest\/(api|servicedeskapi)\//.test(v),
    );
    e.add(0.15, self >= 0.8 || hasField(sample, '_links.jiraRest'), 'records link to the Jira REST API');
    e.add(
      0.1,
      hasField(sample, 'avatarUrls') || hasField(sample, 'timeZone'),
      'records have avatarUrls or timeZone',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, jiraUsers);
    b.externalId('accountId', ['accountId'], 'the Atlassian account id');
    b.field('email', 'emailAddress');
    b.field('display_name', 'displayName');
    b.field('active', 'active');
    b.field('account_type', 'accountType');
    b.expression('is_bot', 'accountType == "app"', ['accountType'], 'accountType "app" (apps and bots)');
    b.field('time_zone', 'timeZone');
    const hidden = sample.records.length - valuesAt(sample, 'emailAddress').length;
    if (hidden > 0) {
      b.note(
        `${hidden} of ${sample.records.length} sampled users have no emailAddress (hidden by their privacy settings): they cannot join by email.`,
      );
    }
    if (sample.records.length > 0 && hidden / sample.records.length > 0.5)
      b.note(
        `Most emails are hidden (${share(hidden / sample.records.length)}): an Atlassian organization admin export has them.`,
      );
    b.filter('apps and bots', 'is_bot == true', ['is_bot']);
    b.filter('inactive', 'active == false', ['active']);
    b.filter('portal customers', 'account_type == "customer"', ['account_type']);
    return b.build();
  },
});
