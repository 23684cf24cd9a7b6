/**
 * The decision on each record, written out from the compact join (compact.ts): state, key, matched-by
 * key, user id and the one-line detail, exactly as join.ts words them. Built when a record is shown or
 * exported, so a million records never hold a million detail strings at once.
 */
import type { JoinConfig } from '../project/schema';
import { RECORD_STATES, type Conflict } from '../types';
import type { CompactJoin } from './compact';
import { joinDetails as d } from './messages';
import type { SourceStore } from './store';
import { packedAt } from './packed';
import type { RecordDecision } from './types';

/** Writes decisions for the records of one join. */
export class DecisionWriter {
  private readonly filteredDetails = new Map<number, string>();
  private readonly missingKeysDetail: [string, string];
  private readonly primaryDetail: string;

  constructor(
    private readonly joined: CompactJoin,
    private readonly stores: readonly SourceStore[],
    private readonly join: JoinConfig,
    private readonly primarySource: string,
  ) {
    this.missingKeysDetail = [d.missingKey([join.key]), d.missingKey([join.key, ...join.fallbackKeys])];
    this.primaryDetail = d.primary(join.key);
  }

  /** The decision on record `i` of store `s`. */
  decision(s: number, i: number): RecordDecision {
    const dec = this.joined.decisions[s];
    const store = this.stores[s];
    const state = RECORD_STATES[dec.state[i]];
    const from = dec.keyFrom[i];
    const key = from === 0 ? store.keys[i] : store.fallbacks[from - 1][i];
    const m = dec.matchedBy[i];
    const matchedBy = m === 0 ? null : m === 1 ? this.join.key : this.join.fallbackKeys[m - 2];
    const u = dec.user[i];
    const userId = u < 0 ? null : packedAt(this.joined.users.ids, u);
    return { state, key, matchedBy, userId, detail: this.detail(state, s, i, key, matchedBy) };
  }

  private detail(state: RecordDecision['state'], s: number, i: number, key: string | null, matchedBy: string | null): string {
    const dec = this.joined.decisions[s];
    const conflict: Conflict | undefined = dec.conflict[i] < 0 ? undefined : this.joined.conflicts[dec.conflict[i]];
    switch (state) {
      case 'filtered': {
        const set = this.stores[s].ruleSet[i];
        let text = this.filteredDetails.get(s * 0x100000000 + set);
        if (text === undefined) {
          text = d.filtered(this.stores[s].ruleSets[set]);
          this.filteredDetails.set(s * 0x100000000 + set, text);
        }
        return text;
      }
      case 'missing-key':
        return s === this.joined.primary ? this.missingKeysDetail[0] : this.missingKeysDetail[1];
      case 'duplicate':
        if (conflict?.kind !== 'duplicate-key') break;
        return d.duplicate(conflict.key, conflict.losers.length + (conflict.winner ? 1 : 0), conflict.reason, conflict.winner);
      case 'primary':
        return this.primaryDetail;
      case 'joined':
        return d.joined(matchedBy as string, key as string);
      case 'orphan':
        if (conflict?.kind !== 'orphan') break;
        return d.orphan(this.primarySource, conflict.keys);
      case 'ambiguous':
        if (conflict?.kind !== 'ambiguous-link') break;
        return conflict.reason;
    }
    throw new Error(`Invariant failed: record ${i} of ${this.stores[s].source} is ${state} without its conflict`);
  }
}
