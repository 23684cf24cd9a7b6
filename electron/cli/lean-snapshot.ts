/**
 * run.ndjson for a lean run (issue 6): the history's snapshot (core/history/snapshot.ts) written straight
 * to disk a slice of users at a time, so neither a million RosterUser objects nor the snapshot's columns
 * ever exist at once (at a million users the columns held ~400 MB of heap next to the run's own
 * ~700 MB). The file is column-major (core/history/codec.ts) and the roster comes row by row, so each
 * slice of SNAPSHOT_LINE users appends one line to a part file per column; the header (which lists the
 * columns and the enablement reasons, known only at the end) is written first when the parts are joined.
 * The result is byte for byte what encodeSnapshot writes for snapshotOf over the whole roster.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { mkdtemp, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SNAPSHOT_LINE, snapshotOf, type SnapshotHeader } from '../../core/history';
import type { LeanRun } from '../../core/pipeline';
import { batches } from '../../core/run/stream';
import type { RosterUser, RunResult } from '../../core/types';

/** A column's part file: its descriptor and the rows written to it so far. */
interface Part {
  name: string;
  path: string;
  fd: number;
  open: boolean;
  rows: number;
}

function close(part: Part): void {
  if (!part.open) return;
  part.open = false;
  closeSync(part.fd);
}

/**
 * Writes the snapshot of `users` (a lean run's, or its roster a user at a time) to `path`, atomically.
 * Returns the snapshot's header with its `ids` column, which is what the deletion timeline reads.
 * `perLine`: values per line (tests use small ones to cut a small roster into many slices).
 */
export async function writeLeanSnapshot(lean: Pick<LeanRun, 'result'>, users: Iterable<RosterUser>, path: string, perLine = SNAPSHOT_LINE): Promise<SnapshotHeader> {
  const run = (roster: RosterUser[]): RunResult => ({ ...lean.result, roster, records: [] });
  const dir = await mkdtemp(join(dirname(path), '.run-snapshot-'));
  const parts = new Map<string, Part>();
  const ids: string[] = [];
  const reasons: string[] = [];
  const reasonAt = new Map<string, number>();
  let count = 0;
  const line = (part: Part, values: unknown[]) => {
    writeSync(part.fd, `${JSON.stringify({ c: part.name, v: values })}\n`);
    part.rows += values.length;
  };
  /** A column's part, made on first sight with nulls for the rows before it (as snapshotOf gives them). */
  const partOf = (name: string): Part => {
    let part = parts.get(name);
    if (part === undefined) {
      const file = join(dir, String(parts.size));
      part = { name, path: file, fd: openSync(file, 'w'), open: true, rows: 0 };
      parts.set(name, part);
      for (let done = 0; done < count; done += perLine) line(part, new Array(Math.min(perLine, count - done)).fill(null));
    }
    return part;
  };
  try {
    // The fixed columns come first, in the codec's order, whatever the roster holds.
    for (const name of ['ids', 'keys', 'enabled', 'reason', 'coverage']) partOf(name);
    const empty = snapshotOf(run([]));
    for (const source of Object.keys(empty.users.identities)) partOf(`x:${source}`);
    for (const slice of batches(users, perLine)) {
      const { users: c, count: n } = snapshotOf(run(slice));
      const renumbered = c.reason.map((r) => {
        const reason = c.reasons[r];
        let at = reasonAt.get(reason);
        if (at === undefined) reasonAt.set(reason, (at = reasons.push(reason) - 1));
        return at;
      });
      for (const id of c.ids) ids.push(id);
      const columns: [string, unknown[]][] = [
        ['ids', c.ids],
        ['keys', c.keys],
        ['enabled', c.enabled],
        ['reason', renumbered],
        ['coverage', c.coverage],
        ...Object.entries(c.attributes).map(([name, values]): [string, unknown[]] => [`a:${name}`, values]),
        ...Object.entries(c.identities).map(([source, values]): [string, unknown[]] => [`x:${source}`, values]),
      ];
      for (const [name, values] of columns) if (n > 0) line(partOf(name), values);
      count += n;
      // A column an earlier slice had and this one lacks: nulls for this slice's rows.
      for (const part of parts.values()) if (part.rows < count) line(part, new Array(count - part.rows).fill(null));
    }
    for (const part of parts.values()) close(part);
    const order = [...parts.keys()];
    // The codec's column order: fixed, then attributes (first seen), then identities (the project's order).
    const columns = [...order.filter((n) => !n.startsWith('a:') && !n.startsWith('x:')), ...order.filter((n) => n.startsWith('a:')), ...order.filter((n) => n.startsWith('x:'))];
    const { users: _none, ...header } = { ...empty, count };
    const temp = `${path}.partial`;
    const out = await open(temp, 'w');
    try {
      await out.write(`${JSON.stringify({ ...header, columns, reasons })}\n`);
      for (const name of columns) {
        for await (const chunk of createReadStream((parts.get(name) as Part).path)) await out.write(chunk as Buffer);
      }
    } finally {
      await out.close();
    }
    await rename(temp, path);
    return { ...header, users: { ids } };
  } finally {
    for (const part of parts.values()) close(part);
    await rm(dir, { recursive: true, force: true });
    await rm(`${path}.partial`, { force: true });
  }
}
