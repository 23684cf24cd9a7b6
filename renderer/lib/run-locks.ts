/**
 * Which runs are being written right now, across tabs: the tab writing a run holds a Web Lock named after
 * it, so another tab's startup purge leaves that run alone. Where the Locks API is missing (jsdom), no
 * run counts as live and the purge removes every `writing` run.
 */
const PREFIX = 'roster-audit-run:';

/** Holds the run's lock until the returned function is called. */
export function holdRunLock(runId: string): () => void {
  if (typeof navigator === 'undefined' || !navigator.locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void navigator.locks.request(PREFIX + runId, () => held);
  return release;
}

/** Ids of runs some tab of this origin is writing. */
export async function liveRunIds(): Promise<Set<string>> {
  if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
  const state = await navigator.locks.query();
  return new Set((state.held ?? []).flatMap((lock) => (lock.name?.startsWith(PREFIX) ? [lock.name.slice(PREFIX.length)] : [])));
}
