/**
 * Messages between the audit screens and the audit worker (issue 4). Each task names a stored run; the
 * worker loads what it needs from IndexedDB itself, so no run crosses the message channel, only answers.
 */
import type { OrphanSuggestions } from '../../core/advice/suggest-links';
import type { KeyAdvice } from '../../core/advice/key-advice';
import type { Trace } from '../../core/explain/types';
import type { Issue } from '../../core/issues';
import type { RunStats } from '../../core/types';
import type { RuleToggle } from '../../core/whatif/whatif';

export type AuditTask =
  /** Loads the run into the worker ahead of the tasks that need it (a screen opening). */
  | { type: 'load'; runId: string }
  | { type: 'explain'; runId: string; query: string }
  | { type: 'suggest-links'; runId: string }
  | { type: 'key-advice'; runId: string }
  | { type: 'what-if'; runId: string; toggles: RuleToggle[] };

/** A user a what-if would add or remove, as the screen lists it. */
export interface WhatIfUser {
  userId: string;
  key: string;
  label: string;
}

/** core/whatif's answer, with the user lists cut to examples (a rule can move thousands of users). */
export interface WhatIfSummary {
  before: RunStats;
  after: RunStats;
  added: number;
  removed: number;
  addedExamples: WhatIfUser[];
  removedExamples: WhatIfUser[];
  issues: Issue[];
}

/** What each task answers. */
export interface AuditAnswers {
  load: { users: number; records: number };
  explain: Trace;
  'suggest-links': OrphanSuggestions[];
  'key-advice': KeyAdvice;
  'what-if': WhatIfSummary;
}

export type AuditAnswer<T extends AuditTask> = AuditAnswers[T['type']];

export interface AuditRequest {
  id: number;
  task: AuditTask;
}

export type AuditReply =
  | { id: number; type: 'progress'; message: string }
  | { id: number; type: 'answer'; answer: AuditAnswers[keyof AuditAnswers] }
  | { id: number; type: 'error'; message: string };

/** How many users a what-if summary names per list. */
export const WHAT_IF_EXAMPLES = 20;

/** Explain traces a person: a query matching more records than this (a department, a domain) is refused
 * with a count instead of a trace of thousands of people that would take minutes to build. */
export const EXPLAIN_MAX_RECORDS = 500;
