/**
 * Suggested links for orphans: for each secondary record that joined no one, the roster users it most
 * likely belongs to, by name and email similarity, each with a score and the reasons in words. The classic
 * partial match is "first and last name equal, email differs" (a personal address, a maiden name).
 *
 * Comparing every orphan with every user is quadratic; candidates come from blocking indexes instead
 * (full name, first initial + last name, email local part, employee id), then cmpstr's Jaro-Winkler
 * scores the names and local parts. Showing a suggestion is in scope; accepting one is not.
 */
import { CmpStr } from 'cmpstr';
import type { RecordOutcome, RecordRef, RosterUser, Scalar } from '../types';

export interface LinkSuggestion {
  userId: string;
  key: string;
  label: string;
  /** 0..1, higher is likelier. */
  score: number;
  reasons: string[];
}

export interface OrphanSuggestions {
  record: RecordRef & { key: string | null };
  name: string | null;
  email: string | null;
  suggestions: LinkSuggestion[];
}

interface Person {
  first: string;
  last: string;
  full: string;
  local: string;
  domain: string;
  employeeId: string;
  email: string;
}

const fold = (v: Scalar | undefined): string =>
  typeof v === 'string' || typeof v === 'number'
    ? String(v).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9@. ]+/g, ' ').replace(/\s+/g, ' ').trim()
    : '';

/** Names and email parts of a record or user, folded for comparison. */
export function personOf(attributes: Record<string, Scalar>): Person {
  let first = fold(attributes.first_name);
  let last = fold(attributes.last_name);
  const display = fold(attributes.display_name);
  if ((!first || !last) && display.includes(' ')) {
    const parts = display.split(' ');
    first ||= parts[0];
    last ||= parts.slice(1).join(' ');
  }
  const email = fold(attributes.email);
  const at = email.lastIndexOf('@');
  return {
    first,
    last,
    full: first && last ? `${first} ${last}` : display,
    local: (at > 0 ? email.slice(0, at) : email).replace(/[._\-\d]+/g, ''),
    domain: at > 0 ? email.slice(at + 1) : '',
    employeeId: fold(attributes.employee_id),
    email,
  };
}

/** Buckets larger than this are too common to narrow anything (e.g. a very common last name). */
const MAX_BUCKET = 200;

function addTo(index: Map<string, number[]>, key: string, i: number) {
  if (!key) return;
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

/** Suggests roster users for every orphan record (all secondary sources, or those named). */
export function suggestLinks(
  data: { roster: RosterUser[]; records: RecordOutcome[] },
  options: { limit?: number; minScore?: number; sources?: string[] } = {},
): OrphanSuggestions[] {
  const limit = options.limit ?? 3;
  const minScore = options.minScore ?? 0.75;
  const jw = CmpStr.create().setMetric('jaroWinkler');
  const people = data.roster.map((u) => personOf(u.attributes));
  const byFull = new Map<string, number[]>();
  const byInitialLast = new Map<string, number[]>();
  const byLocal = new Map<string, number[]>();
  const byEmployee = new Map<string, number[]>();
  people.forEach((p, i) => {
    addTo(byFull, p.full, i);
    if (p.first && p.last) addTo(byInitialLast, `${p.first[0]} ${p.last}`, i);
    if (p.local.length >= 3) addTo(byLocal, p.local, i);
    addTo(byEmployee, p.employeeId, i);
  });
  const similarity = (a: string, b: string) => (a && b ? (jw.compare(a, b) as number) : 0);

  const out: OrphanSuggestions[] = [];
  for (const record of data.records) {
    if (record.state !== 'orphan' || (options.sources && !options.sources.includes(record.source))) continue;
    const p = personOf(record.attributes);
    const candidates = new Set<number>();
    for (const bucket of [byFull.get(p.full), p.first && p.last ? byInitialLast.get(`${p.first[0]} ${p.last}`) : undefined, byLocal.get(p.local), byEmployee.get(p.employeeId)]) {
      if (bucket && bucket.length <= MAX_BUCKET) for (const i of bucket) candidates.add(i);
    }
    const suggestions: LinkSuggestion[] = [];
    for (const i of candidates) {
      const u = people[i];
      const reasons: string[] = [];
      let score = 0;
      if (p.employeeId && p.employeeId === u.employeeId) {
        score = Math.max(score, 0.97);
        reasons.push(`employee id ${u.employeeId} is equal`);
      }
      if (p.first && p.last && p.first === u.first && p.last === u.last) {
        score = Math.max(score, 0.9);
        reasons.push('first and last name are equal');
      } else if (p.full && u.full) {
        const s = similarity(p.full, u.full);
        if (s >= 0.85) reasons.push(`names are similar ("${p.full}" ~ "${u.full}", ${s.toFixed(2)})`);
        score = Math.max(score, 0.8 * s);
      }
      if (p.local && u.local) {
        const s = similarity(p.local, u.local);
        if (s >= 0.9) reasons.push(`email local parts are similar (${s.toFixed(2)})`);
        score = Math.max(score, 0.85 * s + (p.domain && p.domain === u.domain ? 0.1 : 0));
      }
      if (p.email && u.email && p.email !== u.email) reasons.push(`email differs ("${p.email}" vs "${u.email}")`);
      if (score < minScore || reasons.length === 0) continue;
      const user = data.roster[i];
      suggestions.push({ userId: user.userId, key: user.key, label: String(user.attributes.display_name ?? user.key), score: Math.round(score * 1000) / 1000, reasons });
    }
    suggestions.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    out.push({
      record: { source: record.source, file: record.file, row: record.row, externalId: record.externalId, key: record.key },
      name: p.full || null,
      email: typeof record.attributes.email === 'string' ? record.attributes.email : null,
      suggestions: suggestions.slice(0, limit),
    });
  }
  return out;
}
