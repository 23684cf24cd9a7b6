import { useSyncExternalStore } from 'react';
import type { RunRecorder, RunSnapshot } from '../lib/run-recorder';

/** The recorder's current run: phase, progress per stage, rows stored. */
export function useRunSnapshot(recorder: RunRecorder): RunSnapshot {
  return useSyncExternalStore(recorder.subscribe, recorder.getSnapshot);
}
