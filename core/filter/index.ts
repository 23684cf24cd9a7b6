/**
 * Stage 3b, filters: named exclude rules per source; every excluded record keeps the names of the
 * rules that hit it.
 */
export { compileFilters } from './compile';
export type { CompiledFilter, CompiledFilters } from './compile';
export { evaluateFilters } from './evaluate';
