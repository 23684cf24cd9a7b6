/**
 * The safe expression layer: CEL (Common Expression Language) through @marcbachmann/cel-js, an
 * interpreter over a parsed tree — no eval, no `new Function`, so it runs under the renderer's strict
 * CSP. Mapping expressions, filters and enablement rules all use it.
 *
 * Chosen by measurement (`npx tsx bench/expr/compare.ts`: 1,000,000 evaluations over 1,000 varied
 * records, each case in a fresh process, median of 5 runs, ms per 1M evaluations; Node 20 on a shared
 * 2-CPU machine under other load, so absolute figures varied by up to 2x between three runs; the
 * comparison did not: cel-js was 25-50x faster than jsonata every time):
 *
 *   library                 lower(trim(x))  concat(a," ",b)  filter (see below)  eval-free
 *   @marcbachmann/cel-js 8             201              228                 327  yes
 *   jsonata 2 (async)               11,466            7,149               9,496  yes
 *   filtrex 3                          217              169               6,540  NO: new Function
 *   core/expr (cel-js + helpers,       595              467                 782  yes
 *     null-safe activation, no bigint)
 *
 * The filter is `is_bot == true || user_name.matches("^svc-")` (jsonata: `$contains(user_name, /^svc-/)`,
 * filtrex: `user_name ~= "^svc-"`).
 * filtrex compiles to JavaScript with `new Function`, which the renderer's CSP (no 'unsafe-eval')
 * forbids, whatever its speed; jsonata is eval-free but 25-50x slower and async per evaluation.
 * cel-js is the fastest eval-free candidate, and the layer on top keeps it well under 1 µs.
 */
export { compileExpression, EvalFailure } from './compile';
export type { CompiledExpression, CompileOptions, EvalSink, ExpressionKind } from './compile';
export { identifierAlias, isIdentifier } from './identifiers';
export { parseDate, daysBetween, addDays } from './dates';
export { toBool, toNumber, toText, toPlain, isBlank } from './values';
export { Tally, describeRows, describeSamples } from './tally';
export type { RowRef, TallyEntry, TallyMessage } from './tally';
