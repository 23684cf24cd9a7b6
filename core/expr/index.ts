/**
 * The safe expression layer: CEL (Common Expression Language) through @marcbachmann/cel-js, an
 * interpreter over a parsed tree — no eval, no `new Function`, so it runs under the renderer's strict
 * CSP. Mapping expressions, filters and enablement rules all use it.
 *
 * Chosen by measurement (`npx tsx bench/expr/compare.ts`, 1,000,000 evaluations over 1,000 varied
 * records, median of 5 runs, ms per 1M evaluations; Node 20, this machine):
 *
 *   library               lower(trim(x))   concat(a," ",b)   is_bot == true || user_name matches   eval-free
 *   @marcbachmann/cel-js        BENCH_CEL_1       BENCH_CEL_2          BENCH_CEL_3                        yes
 *   jsonata 2 (async)           BENCH_JSONATA_1   BENCH_JSONATA_2      BENCH_JSONATA_3                    yes
 *   filtrex 3                   BENCH_FILTREX_1   BENCH_FILTREX_2      BENCH_FILTREX_3                    NO: compiles with new Function
 *   core/expr (cel-js + null-safe activation)
 *                               BENCH_OURS_1      BENCH_OURS_2         BENCH_OURS_3
 *
 * filtrex is disqualified whatever its speed (CSP without 'unsafe-eval'); cel-js is the fastest of
 * the eval-free ones.
 */
export { compileExpression, EvalFailure } from './compile';
export type { CompiledExpression, CompileOptions, EvalSink, ExpressionKind } from './compile';
export { identifierAlias, isIdentifier } from './identifiers';
export { parseDate, daysBetween, addDays } from './dates';
export { toBool, toNumber, toText, toPlain, isBlank } from './values';
export { Tally, describeRows, describeSamples } from './tally';
export type { RowRef, TallyEntry, TallyMessage } from './tally';
