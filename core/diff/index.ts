/**
 * Comparing two runs (issue 5): users matched by user id, then by the primary source's external id;
 * added, removed and changed users (attributes, identity links, enablement, coverage); stats with
 * deltas; the diff as CSV.
 */
export { diffOverview, diffRuns, type DiffOverview } from './diff';
export { attributeChanges, compareUsers, linkChanges } from './compare';
export { matchUsers, type Matching } from './match';
export { configChanges, diffStats } from './stats';
export { diffCsv, DIFF_HEADER } from './csv';
export { diffUsersOf } from './from-snapshot';
export type * from './types';
