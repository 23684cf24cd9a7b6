/**
 * The projects main has opened, keyed by an opaque id it hands the renderer. The renderer only ever
 * names a project by this id; the path behind it comes from a dialog main opened or from the bundled
 * sample, never from the renderer.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';

export interface OpenedEntry {
  id: string;
  /** Absolute path of the project file. */
  path: string;
  /** The folder its file entries are relative to. */
  dir: string;
}

/** A stable, opaque id for a project file: the same file gets the same id in every session, so the
 * renderer's stored runs stay attached to it. */
export function projectIdFor(path: string): string {
  return createHash('sha256').update(resolve(path)).digest('hex').slice(0, 32);
}

export class ProjectRegistry {
  private readonly entries = new Map<string, OpenedEntry>();

  /** Registers a project file main opened or created; returns its entry. */
  register(path: string): OpenedEntry {
    const absolute = resolve(path);
    const entry: OpenedEntry = { id: projectIdFor(absolute), path: absolute, dir: dirname(absolute) };
    this.entries.set(entry.id, entry);
    return entry;
  }

  get(id: string): OpenedEntry | undefined {
    return this.entries.get(id);
  }
}
