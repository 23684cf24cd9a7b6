/** A progress line on stderr: redrawn in place on a terminal, one line per stage otherwise. */
import type { ProgressEvent } from '../../core/types';

export function createProgress(stream: NodeJS.WriteStream, quiet: boolean) {
  const tty = stream.isTTY === true;
  let last = '';
  let drawn = false;
  const update = (event: ProgressEvent) => {
    if (quiet) return;
    const share = event.total ? Math.min(1, event.done / event.total) : undefined;
    const label = `${event.stage}${event.source ? ` ${event.source}` : ''}`;
    if (tty) {
      const width = 24;
      const bar = share === undefined ? '' : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] `;
      stream.write(`\r\x1b[2K${bar}${label} ${event.done.toLocaleString('en-US')}${event.total ? `/${event.total.toLocaleString('en-US')}` : ''}`);
      drawn = true;
    } else if (label !== last) {
      stream.write(`${label}...\n`);
    }
    last = label;
  };
  const done = () => {
    if (tty && drawn) stream.write('\r\x1b[2K');
  };
  return { update, done };
}
