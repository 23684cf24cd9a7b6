/**
 * Registers IPC handlers through `dispatch` (sender check + payload validation). Handlers are only ever
 * registered here, so no channel can skip the checks.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Channel } from '../ipc/contract';
import { dispatch, type Handler, type TrustContext } from './dispatch';
import type { SenderInfo } from './security';

/** The plain-data view of an IPC event's sender. */
export function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/** A handler for every channel of the contract: the compiler finds a missing one. */
export type HandlerMap = { [C in Channel]: Handler<C> };

export function registerHandlers(handlers: HandlerMap, trust: TrustContext): void {
  for (const channel of Object.keys(handlers) as Channel[]) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, payload, senderInfo(event), trust, handlers[channel] as Handler<typeof channel>));
  }
}
