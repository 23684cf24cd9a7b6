/**
 * The pipeline worker end to end through worker_threads (the same entry the desktop app runs as an
 * Electron utility process): it reads a small project's files itself, runs core's pipeline and streams
 * the run over the port it was handed; main would only see `finished`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { ProjectInput } from '../../../core/project/schema';
import type { RunMessage } from '../../../core/run/stream';
import type { FromWorker, WorkerJob } from '../../../electron/worker/protocol';
import { tempDir } from '../../support/temp-dir';

const ENTRY = new URL('../../../electron/worker/pipeline-worker.ts', import.meta.url).href;
/** The worker runs the TypeScript entry through tsx's loader (the app runs the built bundle instead). */
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); });`;

/** Why the end-to-end cases cannot run yet, or null. */
async function pipelineMissing(): Promise<string | null> {
  try {
    const core = await import('../../../core/pipeline');
    return typeof core.runPipeline === 'function' ? null : 'core/pipeline.ts runPipeline is still a declaration (stub)';
  } catch (error) {
    return `core/pipeline.ts does not load yet (${error instanceof Error ? error.message : String(error)})`;
  }
}
const skipReason = await pipelineMissing();

const project: ProjectInput = {
  name: 'Worker test',
  asOf: '2026-01-31',
  primary: 'hr',
  sources: [
    {
      id: 'hr',
      system: 'hris',
      files: ['hr.csv'],
      externalId: 'Employee_ID',
      mapping: { employee_id: 'Employee_ID', email: 'Work_Email', first_name: 'First', last_name: 'Last' },
    },
    { id: 'slack', system: 'chat', files: ['exports/chat.json'], externalId: 'id', mapping: { email: 'profile.email' } },
  ],
};

function projectDir(): string {
  const dir = tempDir('ra-worker-');
  mkdirSync(join(dir, 'exports'));
  writeFileSync(
    join(dir, 'hr.csv'),
    'Employee_ID,Work_Email,First,Last\nE1,ada@acme.test,Ada,Lovelace\nE2,alan@acme.test,Alan,Turing\nE3,grace@acme.test,Grace,Hopper\n',
  );
  writeFileSync(
    join(dir, 'exports', 'chat.json'),
    JSON.stringify({ members: [{ id: 'U1', profile: { email: 'ADA@acme.test' } }, { id: 'U9', profile: { email: 'ghost@acme.test' } }] }),
  );
  return dir;
}

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

/** Starts a worker thread on a job; collects the run stream and the control messages. `ack`: answer each
 * `rows` message as the renderer does once it stored it (core/run/flow.ts). */
function start(job: WorkerJob, { ack = true } = {}) {
  const worker = new Worker(BOOT, { eval: true });
  workers.push(worker);
  const { port1, port2 } = new MessageChannel();
  const stream: RunMessage[] = [];
  const control: FromWorker[] = [];
  const finished = new Promise<FromWorker>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m: FromWorker) => {
      control.push(m);
      resolve(m);
    });
  });
  port2.on('message', (m: RunMessage) => {
    stream.push(m);
    if (ack && m.type === 'rows') port2.postMessage({ type: 'ack' });
  });
  worker.postMessage({ type: 'job', job, port: port1 }, [port1]);
  /** The port's last messages may trail the control message by a tick. */
  const settled = async () => {
    const last = await finished;
    for (let i = 0; i < 50 && !stream.some((m) => ['done', 'failed', 'cancelled'].includes(m.type)) && last.type === 'finished'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    port2.close();
    return last;
  };
  return { worker, stream, control, settled, ackOne: () => port2.postMessage({ type: 'ack' }) };
}

describe.skipIf(skipReason !== null)(`pipeline worker through worker_threads${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('runs a small project end to end and streams it in order', async () => {
    const run = start({ kind: 'run', dir: projectDir(), project, today: '2026-02-01' });
    expect(await run.settled()).toEqual({ type: 'finished', outcome: 'done' });
    const types = run.stream.map((m) => m.type);
    expect(types.at(-1)).toBe('done');
    expect(types.indexOf('rows')).toBeGreaterThan(types.lastIndexOf('progress'));
    const roster = run.stream.flatMap((m) => (m.type === 'rows' && m.table === 'roster' ? m.rows : []));
    const records = run.stream.flatMap((m) => (m.type === 'rows' && m.table === 'records' ? m.rows : []));
    expect(roster.map((u) => u.key).sort()).toEqual(['ada@acme.test', 'alan@acme.test', 'grace@acme.test']);
    expect(records).toHaveLength(5);
    const done = run.stream.at(-1);
    if (done?.type !== 'done') throw new Error('no done message');
    expect(done.header.stats.users).toBe(3);
    expect(done.header.inputs.map((i) => i.file).sort()).toEqual(['exports/chat.json', 'hr.csv']);
  });

  it('sends at most two chunks ahead of the acks, and the rest as each ack comes', async () => {
    // Three `rows` messages: the roster, the records, the orphan conflict.
    const run = start({ kind: 'run', dir: projectDir(), project, today: '2026-02-01' }, { ack: false });
    const rows = () => run.stream.filter((m) => m.type === 'rows').length;
    await vi.waitFor(() => expect(rows()).toBe(2), { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(rows()).toBe(2);
    expect(run.control).toEqual([]);
    run.ackOne();
    await vi.waitFor(() => expect(run.stream.at(-1)?.type).toBe('done'), { timeout: 15_000 });
    expect(rows()).toBe(3);
    expect(await run.settled()).toEqual({ type: 'finished', outcome: 'done' });
  });

  it('cancels a run that waits for an ack', async () => {
    const run = start({ kind: 'run', dir: projectDir(), project, today: '2026-02-01' }, { ack: false });
    await vi.waitFor(() => expect(run.stream.filter((m) => m.type === 'rows')).toHaveLength(2), { timeout: 15_000 });
    run.worker.postMessage({ type: 'cancel' });
    expect(await run.settled()).toEqual({ type: 'finished', outcome: 'cancelled' });
    expect(run.stream.at(-1)).toEqual({ type: 'cancelled' });
  });

  it.each([
    { description: 'a ../ escape', entry: '../../etc/passwd' },
    { description: 'an absolute path', entry: '/etc/passwd' },
  ])('refuses a project file naming $description, reading nothing', async ({ entry }) => {
    const bad = { ...project, sources: [project.sources[0], { ...project.sources[1], files: [entry] }] };
    const run = start({ kind: 'run', dir: projectDir(), project: bad, today: '2026-02-01' });
    expect(await run.settled()).toEqual({ type: 'finished', outcome: 'failed' });
    const failed = run.stream.find((m) => m.type === 'failed');
    expect(failed?.type === 'failed' && failed.issues[0].message).toContain(entry);
    expect(run.stream.some((m) => m.type === 'rows')).toBe(false);
  });

  it('reports an invalid project as failed with issues naming the key path', async () => {
    const run = start({ kind: 'run', dir: projectDir(), project: { ...project, primary: 'nobody' }, today: '2026-02-01' });
    expect(await run.settled()).toEqual({ type: 'finished', outcome: 'failed' });
    const failed = run.stream.find((m) => m.type === 'failed');
    expect(failed?.type === 'failed' && failed.issues.some((i) => i.key === 'primary')).toBe(true);
  });

  it('cancels mid-run on a cancel message', async () => {
    const run = start({ kind: 'run', dir: projectDir(), project, today: '2026-02-01' });
    run.worker.postMessage({ type: 'cancel' });
    expect(await run.settled()).toEqual({ type: 'finished', outcome: 'cancelled' });
    expect(run.stream.at(-1)).toEqual({ type: 'cancelled' });
  });

  it('previews one source: format, columns and the first rows', async () => {
    const run = start({ kind: 'preview', dir: projectDir(), project, sourceId: 'slack' });
    const reply = await run.settled();
    expect(reply.type).toBe('preview');
    if (reply.type !== 'preview' || !reply.result.ok) throw new Error(JSON.stringify(reply));
    expect(reply.result.data.files).toEqual([expect.objectContaining({ name: 'exports/chat.json', format: 'json', records: 2 })]);
    expect(reply.result.data.columns).toEqual(expect.arrayContaining(['id', 'profile.email']));
    expect(reply.result.data.sample).toHaveLength(2);
  });
});

describe('pipeline worker test status', () => {
  it(skipReason ? `end-to-end cases skipped: ${skipReason}` : 'end-to-end cases ran', () => {
    expect(true).toBe(true);
  });
});
