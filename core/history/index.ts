/**
 * Run history (issue 5): compact run snapshots, the deletion timeline (pending-deletion, deleted,
 * restored; rules in timeline.ts), the mass-deletion safeguard, and the snapshot file format.
 */
export { addDays, daysBetween, dayNumber, dateOfDay } from './dates';
export { encodeSnapshot, decodeSnapshot, SNAPSHOT_LINE, SnapshotDecoder, type DecodeOptions } from './codec';
export { historyMessages } from './messages';
export { annotateRoster, deletionRows, lastKnownIn, lastSeenGroups, neededRuns, placeRun, placeSnapshot, recordRun, withLifecycle, type HistoryState, type PlacedRun } from './record';
export { checkSafeguard, likelyCauses } from './safeguard';
export { canonicalJson, columnsOf, configHash, isPresent, snapshotOf, snapshotUsers } from './snapshot';
export { insertRun, trackDeletions, type TimelineRun } from './timeline';
export * from './types';
