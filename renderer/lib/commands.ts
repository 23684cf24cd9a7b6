/**
 * Requests one part of the UI makes of another that may not be mounted yet: the application menu's
 * "Add source files" reaches the project screen's selected source, which consumes the request when it
 * mounts or, if already mounted, when it is notified.
 */
const listeners = new Set<() => void>();
let addFilesPending = false;

/** Asks the selected source to open its file dialog. */
export function requestAddFiles(): void {
  addFilesPending = true;
  for (const listener of listeners) listener();
}

/** Takes a pending request (true once per request). */
export function takeAddFilesRequest(): boolean {
  const pending = addFilesPending;
  addFilesPending = false;
  return pending;
}

export function onAddFilesRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
