/**
 * Slack Web API `users.list`: `{ "ok": true, "members": [users], "cache_ts": ..., "response_metadata":
 * { "next_cursor": "" } }`; a non-empty next_cursor means more pages. Each member has id (U..., W... on
 * Enterprise Grid), team_id, name, deleted, real_name, tz, is_admin, is_owner, is_bot, is_app_user,
 * is_restricted (multi-channel guest), is_ultra_restricted (single-channel guest), and a profile with
 * email, first_name, last_name, real_name, display_name, title. The list includes deactivated members
 * (deleted: true), bots and Slackbot (id USLACKBOT, is_bot false).
 */
import { ProposalBuilder } from './builder';
import { definePreset, share } from './define';
import { hasField, shareOf } from './sample';

export const slackUsersList = definePreset({
  id: 'slack-users-list',
  label: 'Slack members (users.list JSON)',
  system: 'chat',
  sourceId: 'slack',
  formats: ['json', 'ndjson'],
  docs: 'https://api.slack.com/methods/users.list',
  nextPage: 'response_metadata.next_cursor',
  detect(sample, e) {
    const env = sample.envelope;
    e.add(0.2, env?.recordsKey === 'members', 'records are in "members"');
    e.add(
      0.15,
      env !== undefined &&
        (env.keys.includes('response_metadata') || env.keys.includes('cache_ts')) &&
        env.values.ok === true,
      'a Slack Web API envelope (ok, response_metadata/cache_ts)',
    );
    const ids = shareOf(sample, 'id', (v) => typeof v === 'string' && /^[UWB][A-Z0-9]{6,}$/.test(v));
    e.add(0.25, ids >= 0.8, `${share(ids)} of the ids look like Slack user ids (U.../W...)`);
    e.add(0.2, hasField(sample, 'is_bot') && hasField(sample, 'deleted'), 'members have is_bot and deleted');
    e.add(
      0.15,
      hasField(sample, 'team_id') ||
        hasField(sample, 'profile.real_name') ||
        hasField(sample, 'is_restricted'),
      'members have Slack fields (team_id, profile.real_name, is_restricted)',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, slackUsersList);
    b.externalId('id', ['id'], 'the Slack member id');
    b.field('email', 'profile.email');
    b.field('user_name', 'name');
    b.field('display_name', ['real_name', 'profile.real_name']);
    b.field('first_name', 'profile.first_name');
    b.field('last_name', 'profile.last_name');
    b.field('title', 'profile.title');
    if (
      !b.expression(
        'is_bot',
        'is_bot == true || is_app_user == true || id == "USLACKBOT"',
        ['is_bot', 'is_app_user', 'id'],
        'is_bot or is_app_user, or Slackbot (USLACKBOT)',
      )
    ) {
      b.expression(
        'is_bot',
        'is_bot == true || id == "USLACKBOT"',
        ['is_bot', 'id'],
        'is_bot, or Slackbot (USLACKBOT)',
      );
    }
    b.expression('active', 'deleted != true', ['deleted'], 'not deleted (deactivated)');
    if (
      !b.expression(
        'is_guest',
        'is_restricted == true || is_ultra_restricted == true',
        ['is_restricted', 'is_ultra_restricted'],
        'multi- or single-channel guest',
      )
    ) {
      b.expression('is_guest', 'is_restricted == true', ['is_restricted'], 'multi-channel guest');
    }
    b.field('time_zone', 'tz');
    b.filter('bots', 'is_bot == true', ['is_bot']);
    b.filter('deactivated', 'active == false', ['active']);
    b.filter('guests', 'is_guest == true', ['is_guest']);
    return b.build();
  },
});
