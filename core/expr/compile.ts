/**
 * compileExpression: parse and check once, evaluate many times, never throw.
 *
 * Null-safety, chosen: evaluation gets exactly the identifiers the expression reads, each set to null
 * when the record lacks it, so a missing column is a null value, not CEL's "Unknown variable" error.
 * What CEL still rejects at run time (a nested key a sparse JSON record lacks, `null > 3`, a bad
 * dynamic regex) is caught per record: the result is null, and the failure is counted into a Tally
 * (info for missing data, warning otherwise) so a run reports it once with a count.
 */
import type { Issue } from '../issues';
import type { ParseResult } from '@marcbachmann/cel-js';
import { celEnvironment } from './environment';
import { collectIdentifiers, misusedTypeNames } from './identifiers';
import { exprMissing, exprNotBoolean, exprParse, exprRuntime, exprType, exprTypeName, type ExprAt, type ExpressionKind } from './messages';
import { findBadRegex } from './regex-literals';
import type { RowRef, Tally } from './tally';
import { toPlain } from './values';

export type { ExpressionKind } from './messages';

/** Where to count evaluation failures, and for which record. */
export interface EvalSink {
  tally: Tally;
  at?: RowRef;
}

/** Options of compileExpression: the config key path is used in every message. */
export interface CompileOptions {
  key: string;
  kind: ExpressionKind;
  source?: string;
  file?: string;
}

/** Why one evaluation gave no value. `missing` marks failures caused by absent or null data. */
export class EvalFailure {
  constructor(
    readonly code: string,
    readonly summary: string,
    readonly missing: boolean,
  ) {}
}

/** A parsed, checked expression. */
export interface CompiledExpression {
  readonly text: string;
  readonly key: string;
  readonly kind: ExpressionKind;
  /** The type CEL infers: `bool`, `string`, ... or `dyn` when it depends on the data. */
  readonly type: string;
  /** Top-level variable names read (and names quoted in field("...")), for validation. */
  readonly identifiers: string[];
  /** The value (plain data: no bigint), or null when evaluation fails (counted into `sink`). */
  evaluate(vars: Record<string, unknown>, sink?: EvalSink): unknown;
  /** Like evaluate, but returns the EvalFailure instead of null. */
  tryEvaluate(vars: Record<string, unknown>): unknown;
  /** Fast path: `activation` must already define every identifier (null when absent). */
  run(activation: Record<string, unknown>, sink?: EvalSink): unknown;
}

const MISSING_CODES = new Set(['no_such_key', 'index_out_of_bounds', 'unknown_variable']);

function failureOf(error: unknown): EvalFailure {
  if (typeof error !== 'object' || error === null) return new EvalFailure('error', String(error), false);
  const e = error as { code?: string; summary?: string; message?: string };
  const code = e.code ?? 'error';
  const summary = e.summary ?? e.message ?? String(error);
  const nullOperand = /\bnull\b|<null>/.test(summary) && /overload|condition/.test(summary);
  return new EvalFailure(code, summary, MISSING_CODES.has(code) || nullOperand);
}

class CelExpression implements CompiledExpression {
  readonly #fn: ParseResult;
  readonly #at: ExprAt;

  constructor(fn: ParseResult, at: ExprAt, readonly type: string, readonly identifiers: string[]) {
    this.#fn = fn;
    this.#at = at;
  }
  get text(): string {
    return this.#at.text;
  }
  get key(): string {
    return this.#at.key;
  }
  get kind(): ExpressionKind {
    return this.#at.kind;
  }

  tryEvaluate(vars: Record<string, unknown>): unknown {
    const activation: Record<string, unknown> = Object.create(null);
    for (const id of this.identifiers) activation[id] = Object.hasOwn(vars, id) ? (vars[id] ?? null) : null;
    try {
      return toPlain(this.#fn(activation));
    } catch (error) {
      return failureOf(error);
    }
  }

  evaluate(vars: Record<string, unknown>, sink?: EvalSink): unknown {
    return this.#settle(this.tryEvaluate(vars), sink);
  }

  run(activation: Record<string, unknown>, sink?: EvalSink): unknown {
    let value: unknown;
    try {
      value = toPlain(this.#fn(activation));
    } catch (error) {
      value = failureOf(error);
    }
    return this.#settle(value, sink);
  }

  #settle(value: unknown, sink: EvalSink | undefined): unknown {
    if (!(value instanceof EvalFailure)) return value;
    if (sink) {
      const id = `${this.#at.key}|${value.missing ? 'missing' : value.code}`;
      const detail = /No such key: (.+)$/.exec(value.summary)?.[1];
      sink.tally.add(id, value.missing ? exprMissing(this.#at) : exprRuntime(this.#at, value.summary), sink.at, detail);
    }
    return null;
  }
}

const positionOf = (error: unknown): number => {
  const e = error as { range?: { start?: number }; node?: { pos?: number } };
  return e.range?.start ?? e.node?.pos ?? 0;
};
const summaryOf = (error: unknown): string => {
  const e = error as { summary?: string; message?: string };
  return e.summary ?? e.message ?? String(error);
};

/** Parses and checks `text` in the shared CEL environment. Never throws: a problem is an Issue. */
export function compileExpression(
  text: string,
  options: CompileOptions,
): { ok: true; expr: CompiledExpression } | { ok: false; issue: Issue } {
  const at: ExprAt = { key: options.key, kind: options.kind, text, source: options.source, file: options.file };
  let fn: ParseResult;
  try {
    fn = celEnvironment().parse(text);
  } catch (error) {
    const start = positionOf(error);
    const end = (error as { range?: { end?: number } }).range?.end ?? start;
    return { ok: false, issue: exprParse(at, start, end, summaryOf(error)) };
  }
  const typeName = misusedTypeNames(fn.ast)[0];
  if (typeName !== undefined) return { ok: false, issue: exprTypeName(at, typeName) };
  let type = 'dyn';
  try {
    const checked = fn.check();
    if (!checked.valid) return { ok: false, issue: exprType(at, positionOf(checked.error), summaryOf(checked.error)) };
    type = checked.type ?? 'dyn';
  } catch (error) {
    return { ok: false, issue: exprType(at, positionOf(error), summaryOf(error)) };
  }
  if (options.kind !== 'mapping' && type !== 'bool' && type !== 'dyn') return { ok: false, issue: exprNotBoolean(at, type) };
  const badRegex = findBadRegex(fn.ast, at);
  if (badRegex) return { ok: false, issue: badRegex };
  return { ok: true, expr: new CelExpression(fn, at, type, collectIdentifiers(fn.ast)) };
}
