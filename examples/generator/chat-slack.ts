/**
 * Slack `users.list`: `{ ok, members: [...], cache_ts, response_metadata: { next_cursor } }`. Members
 * carry the top-level flags (deleted, is_bot, is_restricted ...) and a profile with the email; bots
 * have a `bot_id` and no email, and Slackbot (USLACKBOT) is not flagged as a bot. An empty
 * `next_cursor` says the export is complete.
 */
import { dayStart } from './dates';
import type { ChatAccount } from './model';
import { asciiName } from './names';
import { hashSeed } from './prng';
import { jsonLines } from './sink';

const COLORS = [
  '9f69e7',
  '4bbe2e',
  'e7392d',
  '3c989f',
  'e96699',
  'e0a729',
  '684b6c',
  '5b89d5',
  '53b759',
  'ea2977',
  '757575',
];

export const slackFormat = jsonLines<ChatAccount>(
  'slack-users.json',
  () => '{"ok":true,"members":[\n',
  (m) => ({
    id: m.id,
    team_id: m.teamId,
    name: m.name,
    deleted: m.deleted,
    color: COLORS[hashSeed(m.id) % COLORS.length],
    real_name: m.realName,
    ...(m.tz ? { tz: m.tz.tz, tz_label: m.tz.label, tz_offset: m.tz.offset } : {}),
    profile: {
      title: m.title,
      phone: '',
      skype: '',
      real_name: m.realName,
      real_name_normalized: asciiName(m.realName),
      display_name: m.displayName,
      display_name_normalized: asciiName(m.displayName),
      status_text: '',
      status_emoji: '',
      first_name: m.firstName,
      last_name: m.lastName,
      ...(m.email !== null ? { email: m.email } : {}),
      ...(m.botId !== null ? { bot_id: m.botId, api_app_id: m.appId, always_active: true } : {}),
      team: m.teamId,
    },
    is_admin: m.isAdmin,
    is_owner: m.isOwner,
    is_primary_owner: m.isOwner,
    is_restricted: m.isRestricted,
    is_ultra_restricted: m.isUltraRestricted,
    is_bot: m.isBot,
    is_app_user: m.isAppUser,
    updated: m.updated,
    is_email_confirmed: m.email !== null,
  }),
  (ctx) => `\n],"cache_ts":${dayStart(ctx.asOf) + 6 * 3600},"response_metadata":{"next_cursor":""}}\n`,
);
