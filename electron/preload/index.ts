/**
 * The preload: exposes `window.api` (electron/ipc/api.ts) through contextBridge. Only domain functions
 * cross the bridge; ipcRenderer and its events stay here. Bundled to one CommonJS file, because a
 * sandboxed preload can require nothing but `electron` (electron-vite "isolated build").
 *
 * Runs: main sends the run's MessagePort on `run:port` (webContents.postMessage). contextBridge cannot
 * pass a MessagePort to the page, so the port stays here and each message is forwarded to the page's
 * `onMessage` callback (callbacks are proxied by contextBridge; each chunk is copied once more into the
 * page). Electron's message-ports tutorial also shows handing the port itself to the page with
 * window.postMessage; that saves the copy but leaves crash/cancel bookkeeping to page code, so the port
 * stays here (run-client.ts). The worker on the other end is a separate process: main never relays rows.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { RosterAuditApi } from '../ipc/api';
import { eventSchemas, MENU_COMMANDS, type Channel, type MenuCommandName, type RequestInput, type Responses, type Result } from '../ipc/contract';
import { RunClient, type RunPort } from './run-client';

async function invoke<C extends Channel>(channel: C, request: RequestInput<C>): Promise<Result<Responses[C]>> {
  try {
    return (await ipcRenderer.invoke(channel, request)) as Result<Responses[C]>;
  } catch (error) {
    return { ok: false, issue: { message: `The app did not answer (${channel}): ${error instanceof Error ? error.message : String(error)}` } };
  }
}

const runs = new RunClient({
  start: (request) => invoke('run:start', request),
  cancel: (runId) => invoke('run:cancel', { runId }),
});

ipcRenderer.on('run:port', (event, payload: unknown) => {
  const parsed = eventSchemas['run:port'].safeParse(payload);
  const port = event.ports[0] as unknown as RunPort | undefined;
  if (parsed.success && port) runs.portArrived(parsed.data.runId, port);
});

ipcRenderer.on('run:ended', (_event, payload: unknown) => {
  const parsed = eventSchemas['run:ended'].safeParse(payload);
  if (parsed.success) runs.workerEnded(parsed.data.runId, parsed.data.reason, parsed.data.code);
});

const api: RosterAuditApi = {
  project: {
    open: () => invoke('project:open', undefined),
    openSample: () => invoke('project:open-sample', undefined),
    create: (project) => invoke('project:create', { project }),
    save: (projectId, project) => invoke('project:save', { projectId, project }),
  },
  files: {
    add: (projectId, dropped) => invoke('files:add', dropped ? { projectId, dropped } : { projectId }),
  },
  source: {
    preview: (projectId, project, sourceId) => invoke('source:preview', { projectId, project, sourceId }),
  },
  run: { start: (request, onMessage) => runs.start(request, onMessage) },
  export: {
    saveText: (suggestedName, content) => invoke('export:save-text', { suggestedName, content }),
  },
  menu: {
    on: (listener: (command: MenuCommandName) => void) => {
      const handler = (_event: unknown, payload: unknown) => {
        const parsed = eventSchemas['menu:command'].safeParse(payload);
        if (parsed.success && (MENU_COMMANDS as readonly string[]).includes(parsed.data.command)) listener(parsed.data.command);
      };
      ipcRenderer.on('menu:command', handler);
      return () => {
        ipcRenderer.removeListener('menu:command', handler);
      };
    },
  },
};

contextBridge.exposeInMainWorld('api', api);
