/**
 * The diagnosis: plain sentences that answer the everyday questions (not in the roster, not recognized in
 * chat, cannot see tickets, not enabled), built from the trace. The CLI prints them; the app shows them.
 */
import type { RunResult, SystemKind } from '../types';
import type { TraceRecord, TraceUser } from './types';
import { closestKeys } from './closest';

/** The sentence for a missing system kind; `has` says which key found nothing. */
const GAP: Record<SystemKind, (has: string) => string> = {
  chat: (has) => `not recognized in chat: no chat account has ${has}`,
  itsm: (has) => `cannot see tickets: no ticketing account linked (none has ${has})`,
  idam: (has) => `identity-provider actions (unlock, groups, access) unavailable: no identity-provider account linked (none has ${has})`,
  hris: (has) => `no HR record linked (none has ${has})`,
  other: (has) => `no account of this kind linked (none has ${has})`,
};

const name = (r: TraceRecord) => `the ${r.source} record ${r.externalId ? `"${r.externalId}"` : ''} (${r.file} row ${r.row})`.replace('  ', ' ');
const closest = (keys: string[] | undefined) => (keys && keys.length > 0 ? ` (closest: ${keys.map((k) => `"${k}"`).join(', ')})` : '');

/** Diagnosis lines, most important first. */
export function diagnose(result: RunResult, records: TraceRecord[], users: TraceUser[]): string[] {
  const { primary, join, sources } = result.config;
  if (records.length === 0) return ['nothing matches this in any source of the run: not in the roster, and no account in any system'];
  const lines: string[] = [];
  const primaryRecords = records.filter((r) => r.source === primary);
  if (users.length === 0) {
    if (primaryRecords.length === 0) {
      const seen = [...new Set(records.map((r) => r.source))].join(', ');
      lines.push(`not in the roster: not present in the primary source "${primary}" (found only in ${seen})`);
    }
    for (const r of primaryRecords) {
      if (r.state === 'filtered') lines.push(`not in the roster: ${name(r)} is filtered out by rule ${r.filterRules.map((f) => `"${f}"`).join(', ')}`);
      else if (r.state === 'missing-key') lines.push(`not in the roster: ${name(r)} has no ${join.key}`);
      else if (r.state === 'duplicate') lines.push(`not in the roster: ${name(r)} lost a duplicate-key conflict: ${r.detail}`);
    }
  }
  for (const user of users) {
    const label = user.attributes.display_name ?? user.attributes.email ?? user.key;
    lines.push(`in the roster as ${String(label)} (key "${user.key}", user id ${user.userId.slice(0, 12)}…)`);
    lines.push(user.enabledReason);
    const kinds = new Set(sources.map((s) => s.system as SystemKind));
    for (const kind of kinds) {
      if (user.coverage.includes(kind)) continue;
      const kindSources = new Set(sources.filter((s) => s.system === kind).map((s) => s.id));
      const keys = result.records.filter((r) => kindSources.has(r.source) && r.state !== 'joined' && r.key !== null).map((r) => r.key as string);
      const near = kind === 'chat' || kind === 'itsm' ? closest(closestKeys(user.key, keys)) : '';
      lines.push(`${GAP[kind](`${join.key} "${user.key}"`)}${near}`);
    }
  }
  for (const r of records) {
    if (r.source === primary && users.length === 0) continue;
    switch (r.state) {
      case 'filtered':
        if (r.source !== primary) lines.push(`${name(r)} is filtered out by rule ${r.filterRules.map((f) => `"${f}"`).join(', ')}`);
        break;
      case 'orphan':
        lines.push(`${name(r)} joins no one: ${r.detail}${closest(r.closestKeys)}`);
        break;
      case 'duplicate':
        lines.push(`${name(r)} is not used: ${r.detail}`);
        break;
      case 'ambiguous':
        lines.push(`${name(r)} is not linked: ${r.detail}`);
        break;
      case 'missing-key':
        if (r.source !== primary) lines.push(`${name(r)} cannot join: ${r.detail}`);
        break;
      case 'joined':
      case 'primary':
        break;
    }
  }
  return lines;
}
