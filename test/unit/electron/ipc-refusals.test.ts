/**
 * IPC with the real handlers (issue 8): every channel, called by an untrusted sender or with a malformed
 * payload, is refused with an error, and none of those calls opens a dialog, starts a worker or touches
 * the file system. Electron and node:fs are replaced by recorders; the handlers are the app's own.
 */
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/ipc/contract';
import type { MainContext } from '../../../electron/main/context';
import { dispatch, UNTRUSTED_SENDER } from '../../../electron/main/dispatch';
import { exportHandlers } from '../../../electron/main/export';
import { filesHandlers } from '../../../electron/main/files';
import type { HandlerMap } from '../../../electron/main/ipc-main';
import { projectHandlers } from '../../../electron/main/project';
import { ProjectRegistry } from '../../../electron/main/registry';
import { runHandlers } from '../../../electron/main/run';
import { sourceHandlers } from '../../../electron/main/source';

// vi.mock calls are hoisted above these imports: the handlers get the recorders below.

const touched = vi.hoisted(() => [] as string[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const spied = Object.fromEntries(
    Object.entries(real).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? (...args: unknown[]) => {
            touched.push(`fs.${name}(${String(args[0])})`);
            return Promise.reject(new Error(`the test forbids fs.${name}`));
          }
        : value,
    ]),
  );
  return { ...spied, default: spied };
});
vi.mock('electron', () => {
  const record = (name: string) => (...args: unknown[]) => {
    touched.push(`electron.${name}`);
    void args;
    return Promise.resolve({ canceled: true, filePaths: [], filePath: undefined });
  };
  return {
    dialog: { showOpenDialog: record('dialog.showOpenDialog'), showSaveDialog: record('dialog.showSaveDialog') },
    webContents: { fromId: record('webContents.fromId') },
    utilityProcess: { fork: record('utilityProcess.fork') },
    MessageChannelMain: vi.fn(),
  };
});

const rendererDir = '/app/out/renderer';
const trust = { windows: () => new Set([1]), origin: { rendererDir } };
const trusted = { webContentsId: 1, frameUrl: pathToFileURL(`${rendererDir}/index.html`).href, isMainFrame: true };
const untrusted = [
  { description: 'another web contents', sender: { ...trusted, webContentsId: 2 } },
  { description: 'a subframe', sender: { ...trusted, isMainFrame: false } },
  { description: 'a remote page', sender: { ...trusted, frameUrl: 'https://evil.example/' } },
  { description: 'a file outside the app', sender: { ...trusted, frameUrl: 'file:///home/me/Downloads/page.html' } },
  { description: 'a frame that is gone', sender: { ...trusted, frameUrl: null } },
];

const registry = new ProjectRegistry();
const projectId = registry.register('/home/me/acme/project.json').id;
const runs = { start: vi.fn(), cancel: vi.fn(), preview: vi.fn(), stopAll: vi.fn() };
const ctx = { registry, runs, window: () => null, sampleDir: '/app/examples/acme', userData: '/home/me/.config/roster-audit', documents: '/home/me/Documents' } as unknown as MainContext;
const handlers: HandlerMap = { ...projectHandlers(ctx), ...filesHandlers(ctx), ...sourceHandlers(ctx), ...runHandlers(ctx), ...exportHandlers(ctx) };

const project = { name: 'Acme', primary: 'hr', sources: [{ id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'id', mapping: { email: 'Email' } }] };
const runId = '3f1c3a52-5a8e-4c1e-9a59-0e4b0d6f2a11';
const valid: Record<string, unknown> = {
  'project:open': undefined,
  'project:open-sample': undefined,
  'project:create': { project },
  'project:save': { projectId, project },
  'files:add': { projectId, dropped: [{ name: 'hr.csv', bytes: new Uint8Array([65]) }] },
  'source:preview': { projectId, project, sourceId: 'hr' },
  'run:start': { projectId, project },
  'run:cancel': { runId },
  'export:save-text': { suggestedName: 'roster.csv', content: 'a,b\n' },
};
/** Payloads that try to name a path, smuggle a key, or are simply the wrong shape. */
const malformed: Record<string, unknown[]> = {
  'project:open': ['/etc/passwd', { path: '/etc/passwd' }],
  'project:open-sample': [{ sampleDir: '/etc' }, 0],
  'project:create': [{ project, path: '/etc/cron.d/x' }, { project: { ...project, sources: [{ id: 'hr', files: '/etc/passwd' }] } }],
  'project:save': [{ projectId: '/home/me/project.json', project }, { projectId, project, path: '/etc/passwd' }],
  'files:add': [{ projectId, paths: ['/etc/shadow'] }, { projectId, dropped: [{ name: 'x.csv', bytes: 'text', path: '/etc/x' }] }],
  'source:preview': [{ projectId, project, sourceId: 'hr', file: '/etc/passwd' }, { projectId: '..', project, sourceId: 'hr' }],
  'run:start': [{ projectId, project, workerPath: '/tmp/evil.js' }, { projectId, project: { ...project, sources: [{ id: 'hr', files: [1] }] } }],
  'run:cancel': [{ runId: '../../etc' }, { runId, kill: 'all' }],
  'export:save-text': [{ suggestedName: 'x.csv', content: 'x', path: '/etc/profile' }, { suggestedName: 'x.csv' }],
};

beforeEach(() => {
  touched.length = 0;
  for (const spy of Object.values(runs)) spy.mockClear();
});

function expectNothingTouched(): void {
  expect(touched).toEqual([]);
  for (const spy of Object.values(runs)) expect(spy).not.toHaveBeenCalled();
}

describe('IPC refusals with the real handlers', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(valid).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(malformed).sort()).toEqual([...CHANNELS].sort());
  });

  const fromUntrusted = CHANNELS.flatMap((channel) => untrusted.map((u) => ({ channel, ...u })));
  it.each(fromUntrusted)('$channel refuses $description and touches nothing', async ({ channel, sender }) => {
    const result = await dispatch(channel, valid[channel], sender, trust, handlers[channel] as never);
    expect(result).toEqual({ ok: false, issue: UNTRUSTED_SENDER });
    expectNothingTouched();
  });

  const bad = CHANNELS.flatMap((channel) => malformed[channel].map((payload, i) => ({ channel, payload, i })));
  it.each(bad)('$channel refuses malformed payload #$i and touches nothing', async ({ channel, payload }) => {
    const result = await dispatch(channel, payload, trusted, trust, handlers[channel] as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toContain(`The request to ${channel} was refused`);
    expectNothingTouched();
  });

  it('lets a trusted, well-formed request through (the recorders do see the handlers work)', async () => {
    const result = await dispatch('export:save-text', valid['export:save-text'], trusted, trust, handlers['export:save-text']);
    expect(result).toEqual({ ok: true, data: { saved: false } });
    expect(touched).toEqual(['electron.dialog.showSaveDialog']);
  });
});
