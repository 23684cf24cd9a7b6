import { describe, expect, it, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import { ProjectError } from '../../../core/issues';
import { CHANNELS, requestSchemas, type Channel } from '../../../electron/ipc/contract';
import { dispatch, HandlerRefusal, UNTRUSTED_SENDER, type TrustContext } from '../../../electron/main/dispatch';

const rendererDir = '/app/out/renderer';
const trust: TrustContext = { windows: () => new Set([1]), origin: { rendererDir } };
const sender = { webContentsId: 1, frameUrl: pathToFileURL(`${rendererDir}/index.html`).href, isMainFrame: true };
const projectId = 'a'.repeat(32);
const runId = '3f1c3a52-5a8e-4c1e-9a59-0e4b0d6f2a11';
const project = { name: 'Acme', primary: 'hr', sources: [{ id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'id', mapping: { email: 'Email' } }] };

/** One valid payload per channel: the handler must be reached with it. */
const valid: Record<Channel, unknown> = {
  'project:open': undefined,
  'project:open-sample': undefined,
  'project:create': { project },
  'project:save': { projectId, project },
  'files:add': { projectId },
  'source:preview': { projectId, project, sourceId: 'hr' },
  'run:start': { projectId, project, asOf: '2026-01-31' },
  'run:cancel': { runId },
  'export:save-text': { suggestedName: 'roster.csv', content: 'a,b\n' },
};

/** Malformed payloads per channel (notes: issue 3, "every handler validates its payload"). */
const malformed: Record<Channel, unknown[]> = {
  'project:open': [{}, 'path/to/project.json', 1],
  'project:open-sample': [{ path: '/etc' }, null],
  'project:create': [undefined, {}, { project: null }, { project: { ...project, sources: 'hr.csv' } }, { project, path: '/tmp/x.json' }],
  'project:save': [
    { project },
    { projectId: '/home/me/project.json', project },
    { projectId, project: { name: 'x' } },
    { projectId, project, path: '/etc/passwd' },
    { projectId, project: { ...project, sources: [{ id: 'hr', files: [42] }] } },
  ],
  'files:add': [{}, { projectId: 'x' }, { projectId, paths: ['/etc/passwd'] }, { projectId, dropped: [{ name: 'a.csv', bytes: 'not bytes' }] }],
  'source:preview': [{ projectId, project }, { projectId, project, sourceId: 7 }, { projectId, sourceId: 'hr' }],
  'run:start': [{ project }, { projectId, project, asOf: '31/01/2026' }, { projectId, project, workerPath: '/tmp/evil.js' }, 'run'],
  'run:cancel': [{}, { runId: '../../x' }, { runId: 1 }],
  'export:save-text': [{ suggestedName: 'roster.csv' }, { suggestedName: '', content: '' }, { suggestedName: 'x', content: 'y', path: '/etc/cron.d/x' }],
};

describe('dispatch: payload validation', () => {
  it('has a valid and malformed cases for every channel of the contract', () => {
    expect(Object.keys(valid).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(malformed).sort()).toEqual([...CHANNELS].sort());
  });

  const refusals = CHANNELS.flatMap((channel) => malformed[channel].map((payload, i) => ({ channel, payload, i })));
  it.each(refusals)('$channel refuses malformed payload #$i', async ({ channel, payload }) => {
    const handler = vi.fn();
    const result = await dispatch(channel, payload, sender, trust, handler);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toContain(`The request to ${channel} was refused`);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each(CHANNELS)('%s passes a valid payload to its handler', async (channel) => {
    const handler = vi.fn(async () => 'answer' as never);
    const result = await dispatch(channel, valid[channel], sender, trust, handler);
    expect(result).toEqual({ ok: true, data: 'answer' });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('hands the handler the parsed request, dropped bytes included', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const handler = vi.fn(async () => []);
    await dispatch('files:add', { projectId, dropped: [{ name: 'a.csv', bytes }] }, sender, trust, handler);
    expect(handler).toHaveBeenCalledWith({ projectId, dropped: [{ name: 'a.csv', bytes }] }, sender);
  });

  it('keeps every schema strict where main trusts the renderer least', () => {
    for (const channel of CHANNELS) {
      const extra = valid[channel] === undefined ? { extra: 1 } : { ...(valid[channel] as object), extra: 1 };
      expect(requestSchemas[channel].safeParse(extra).success, channel).toBe(false);
    }
  });
});

describe('dispatch: sender check', () => {
  const untrusted = [
    { description: 'another web contents', sender: { ...sender, webContentsId: 2 } },
    { description: 'a subframe', sender: { ...sender, isMainFrame: false } },
    { description: 'a remote page', sender: { ...sender, frameUrl: 'https://example.com/' } },
  ];
  it.each(untrusted)('refuses $description before looking at the payload', async ({ sender: s }) => {
    const handler = vi.fn();
    expect(await dispatch('project:open', undefined, s, trust, handler)).toEqual({ ok: false, issue: UNTRUSTED_SENDER });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('dispatch: handler errors', () => {
  it('passes a refusal on as it is', async () => {
    const result = await dispatch('project:open', undefined, sender, trust, async () => {
      throw new HandlerRefusal({ message: 'No.', fix: 'Do this.' });
    });
    expect(result).toEqual({ ok: false, issue: { message: 'No.', fix: 'Do this.' } });
  });
  it('turns a ProjectError into its first issue', async () => {
    const result = await dispatch('project:open', undefined, sender, trust, async () => {
      throw new ProjectError([
        { code: 'a', severity: 'error', message: 'primary: no source has the id "x"', fix: 'Set primary.' },
        { code: 'b', severity: 'error', message: 'second' },
      ]);
    });
    expect(result).toEqual({ ok: false, issue: { message: 'primary: no source has the id "x" (and 1 more)', fix: 'Set primary.' } });
  });
  it('never throws on an unexpected error', async () => {
    const result = await dispatch('project:open', undefined, sender, trust, async () => {
      throw new Error('EACCES');
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toContain('EACCES');
  });
});
