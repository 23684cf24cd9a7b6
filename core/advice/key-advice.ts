/**
 * Joining-key advice: for each candidate attribute (email, employee id, user name, and custom attributes
 * that both sides map), per secondary source: the share of roster users it would link, its uniqueness on
 * both sides, the values several records share, and the values that match only after trimming or
 * lower-casing. Then a recommendation (a key and fallback keys) with its numbers, and a call-out when the
 * project's key links fewer users than an alternative would.
 */
import type { Project } from '../project/schema';
import type { RecordOutcome, Scalar } from '../types';
import { normalizeKey } from '../join/keys';

export interface CandidateStats {
  attribute: string;
  source: string;
  /** Roster users (primary records kept) with a value. */
  primaryFilled: number;
  /** Distinct values / filled values among primary users (1 = unique). */
  primaryUniqueness: number;
  /** Usable records of the source (not filtered) with a value. */
  sourceFilled: number;
  sourceUniqueness: number;
  /** Values that more than one record of the source has, and the records involved. */
  collisions: { values: number; records: number; examples: string[] };
  /** Roster users this attribute alone would link in this source (their value is unique among users;
   * records of the source sharing it are a duplicate group the policy resolves, so they still link one). */
  matched: number;
  matchedShare: number;
  /** Linked only thanks to trimming or lower-casing (the raw values differ). */
  variants: { count: number; examples: string[] };
}

export interface KeyPlan {
  key: string;
  fallbackKeys: string[];
  /** Roster users linked per source under this plan. */
  perSource: Record<string, number>;
  total: number;
}

export interface KeyAdvice {
  users: number;
  current: KeyPlan;
  candidates: CandidateStats[];
  recommended: KeyPlan;
  /** Plain-words summary of the recommendation with its numbers. */
  summary: string;
  /** Set when the current key links fewer users than the recommendation. */
  callout: string | null;
}

const ALWAYS = ['email', 'employee_id', 'user_name'];
const NOT_KEYS = new Set(['active', 'is_bot', 'first_name', 'last_name', 'display_name', 'department', 'title', 'country', 'city', 'country_code', 'region', 'subregion', 'manager_id']);

const text = (v: Scalar | undefined) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
const pct = (n: number, of: number) => `${of === 0 ? 0 : ((100 * n) / of).toFixed(1)}%`;
const fmt = (n: number) => n.toLocaleString('en-US');

/** Computes the advice from a finished run's records (mapped attributes) and its config. */
export function keyAdvice(data: { records: RecordOutcome[]; config: Project }): KeyAdvice {
  const { config } = data;
  const normalize = (v: Scalar | undefined) => normalizeKey(v ?? null, config.join.normalize);
  const primaryRecords = data.records.filter((r) => r.source === config.primary && r.state === 'primary');
  const users = primaryRecords.length;
  const secondaries = config.sources.filter((s) => s.id !== config.primary);
  const primaryMapped = new Set(Object.keys(config.sources.find((s) => s.id === config.primary)?.mapping ?? {}));
  const attributes = new Set<string>();
  for (const s of secondaries) for (const a of Object.keys(s.mapping)) if (primaryMapped.has(a) && !NOT_KEYS.has(a)) attributes.add(a);
  for (const a of ALWAYS) if (!primaryMapped.has(a)) attributes.delete(a);

  /** Per attribute: normalized primary value -> user index, and -1 for values several users share. */
  const primaryIndex = new Map<string, Map<string, number>>();
  const primaryFilled = new Map<string, number>();
  for (const a of attributes) {
    const index = new Map<string, number>();
    let filled = 0;
    primaryRecords.forEach((r, i) => {
      const v = normalize(r.attributes[a]);
      if (v === null) return;
      filled++;
      index.set(v, index.has(v) ? -1 : i);
    });
    primaryIndex.set(a, index);
    primaryFilled.set(a, filled);
  }
  const matchedSets = new Map<string, Set<number>>();
  const candidates: CandidateStats[] = [];
  for (const source of secondaries) {
    const usable = data.records.filter((r) => r.source === source.id && r.state !== 'filtered');
    for (const a of attributes) {
      if (!(a in source.mapping)) continue;
      const index = primaryIndex.get(a) as Map<string, number>;
      const counts = new Map<string, number>();
      let filled = 0;
      for (const r of usable) {
        const v = normalize(r.attributes[a]);
        if (v === null) continue;
        filled++;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const matched = new Set<number>();
      const variants: string[] = [];
      let variantCount = 0;
      for (const r of usable) {
        const raw = text(r.attributes[a]);
        const v = normalize(r.attributes[a]);
        if (v === null) continue;
        const user = index.get(v);
        if (user === undefined || user < 0) continue;
        matched.add(user);
        const primaryRaw = text(primaryRecords[user].attributes[a]);
        if (raw !== primaryRaw) {
          variantCount++;
          if (variants.length < 5) variants.push(`"${raw}" ~ "${primaryRaw}"`);
        }
      }
      matchedSets.set(`${source.id}\u0000${a}`, matched);
      const shared = [...counts].filter(([, c]) => c > 1);
      const pf = primaryFilled.get(a) ?? 0;
      candidates.push({
        attribute: a,
        source: source.id,
        primaryFilled: pf,
        primaryUniqueness: pf === 0 ? 0 : [...index.keys()].length / pf,
        sourceFilled: filled,
        sourceUniqueness: filled === 0 ? 0 : counts.size / filled,
        collisions: { values: shared.length, records: shared.reduce((n, [, c]) => n + c, 0), examples: shared.slice(0, 5).map(([v]) => v) },
        matched: matched.size,
        matchedShare: users === 0 ? 0 : matched.size / users,
        variants: { count: variantCount, examples: variants },
      });
    }
  }

  const plan = (key: string, fallbackKeys: string[]): KeyPlan => {
    const perSource: Record<string, number> = {};
    for (const s of secondaries) {
      const union = new Set<number>();
      for (const a of [key, ...fallbackKeys]) for (const u of matchedSets.get(`${s.id}\u0000${a}`) ?? []) union.add(u);
      perSource[s.id] = union.size;
    }
    return { key, fallbackKeys, perSource, total: Object.values(perSource).reduce((x, y) => x + y, 0) };
  };
  const current = plan(config.join.key, config.join.fallbackKeys.filter((a) => attributes.has(a)));
  const keyable = [...attributes].filter((a) => users > 0 && (primaryFilled.get(a) ?? 0) > 0 && (primaryIndex.get(a)?.size ?? 0) / (primaryFilled.get(a) ?? 1) >= 0.99);
  // On a tie, prefer a stable identifier: emails change with names, and admin accounts share them.
  const stability = (a: string) => (a === 'employee_id' ? 3 : a === 'email' ? 0 : a === 'user_name' ? 1 : 2);
  keyable.sort((a, b) => stability(b) - stability(a));
  let recommended = current;
  for (const key of keyable) {
    const singles = plan(key, []);
    const others = keyable.filter((a) => a !== key);
    const withFallback = others.map((f) => plan(key, [f])).sort((a, b) => b.total - a.total)[0];
    for (const p of withFallback && withFallback.total > singles.total ? [singles, withFallback] : [singles]) {
      const better =
        p.total > recommended.total ||
        (p.total === recommended.total &&
          (p.fallbackKeys.length < recommended.fallbackKeys.length ||
            (p.fallbackKeys.length === recommended.fallbackKeys.length && stability(p.key) > stability(recommended.key))));
      if (better) recommended = p;
    }
  }
  const possible = users * secondaries.length;
  const name = (p: KeyPlan) => [p.key, ...p.fallbackKeys].join(' then ');
  const links = (p: KeyPlan) => `${fmt(p.total)} of ${fmt(possible)} user-source links (${pct(p.total, possible)})`;
  const same = recommended.key === current.key && recommended.fallbackKeys.join() === current.fallbackKeys.join();
  const summary = same
    ? `Keep the current key: joining on ${name(current)} makes ${links(current)}; no candidate makes more.`
    : `Recommended: join on ${name(recommended)}, which makes ${links(recommended)}.`;
  const callout =
    recommended.total > current.total
      ? `Joining on ${name(current)} makes ${links(current)}; ${name(recommended)} would make ${links(recommended)}: ${fmt(recommended.total - current.total)} more.`
      : null;
  return { users, current, candidates, recommended, summary, callout };
}
