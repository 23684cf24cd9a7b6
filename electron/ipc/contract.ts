/**
 * The one IPC contract between the renderer (through the preload) and the main process: channel names
 * (`domain:verb`), a zod schema for every request and event payload, and the response types. Main
 * validates every request against these schemas before a handler sees it; a payload that does not match
 * is refused with `{ ok: false, issue }`. Types and zod only: main, preload and the renderer import it.
 */
import { z } from 'zod';
import type { ProjectInput } from '../../core/project/schema';
import type { OpenedProject, SourceFileInfo, SourcePreview } from '../../renderer/backend/backend';

/** A problem a handler reports instead of throwing across the process boundary. */
export interface IpcIssue {
  message: string;
  fix?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; issue: IpcIssue };

/** Opaque project id main hands out: a hash of the project file's path (stable across sessions). */
export const projectIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a project id is the opaque id main handed out');
export const runIdSchema = z.uuid();

/** A relative file name as a project file writes it. Containment in the project folder is checked in
 * main (electron/main/paths.ts), not here: here only the shape. */
const fileEntry = z.string().min(1).max(1024);

/**
 * The part of a project main needs to check before it hands the project to the worker: its sources and
 * their files (path containment). The worker validates the whole project with core's `validateProject`
 * and reports every issue as run messages, with key paths, which zod here could not phrase as well.
 */
const projectPayload = z
  .looseObject({
    name: z.string().max(120),
    sources: z.array(z.looseObject({ id: z.string().max(40), files: z.array(fileEntry).max(10_000) })).max(200),
  })
  // Shape checked above; the remaining fields are validated by core in the worker / in project:save.
  .transform((project) => project as unknown as ProjectInput);

const sourceIdSchema = z.string().min(1).max(40);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');

/** A file the user dropped on the window: its bytes and its base name (main picks where it goes). */
const droppedFile = z.strictObject({ name: z.string().min(1).max(255), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array') });

/** The commands of the application menu that the renderer carries out. (Reload is done by main.) */
export const MENU_COMMANDS = ['project:new', 'project:open', 'files:add', 'run:start', 'export:roster'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];

/** Request schemas, one per invoke channel. `z.undefined()` = the channel takes no argument. */
export const requestSchemas = {
  'project:open': z.undefined(),
  'project:open-sample': z.undefined(),
  /** Asks where to save a new project (save dialog), writes it there and opens it. */
  'project:create': z.strictObject({ project: projectPayload }),
  'project:save': z.strictObject({ projectId: projectIdSchema, project: projectPayload }),
  /** Without `dropped`: an open dialog. With it: files dropped on the window, copied into the project folder. */
  'files:add': z.strictObject({ projectId: projectIdSchema, dropped: z.array(droppedFile).max(100).optional() }),
  'source:preview': z.strictObject({ projectId: projectIdSchema, project: projectPayload, sourceId: sourceIdSchema }),
  'run:start': z.strictObject({ projectId: projectIdSchema, project: projectPayload, asOf: isoDate.optional() }),
  'run:cancel': z.strictObject({ runId: runIdSchema }),
  'export:save-text': z.strictObject({ suggestedName: z.string().min(1).max(255), content: z.string() }),
} as const;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

/** What a handler receives (after validation). */
export type Request<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
/** What a caller passes. */
export type RequestInput<C extends Channel> = z.input<(typeof requestSchemas)[C]>;

export interface Responses {
  'project:open': OpenedProject | null;
  'project:open-sample': OpenedProject;
  'project:create': OpenedProject | null;
  'project:save': null;
  'files:add': SourceFileInfo[];
  'source:preview': SourcePreview;
  /** The run's port arrives separately on the `run:port` event (a transferred MessagePort). */
  'run:start': { runId: string };
  'run:cancel': { cancelled: boolean };
  'export:save-text': { saved: boolean };
}

/** The invoke map: channel -> (request) => Promise<Result<response>>. */
export type Invoke = { [C in Channel]: (request: RequestInput<C>) => Promise<Result<Responses[C]>> };

/** Events main sends to the renderer. */
export const eventSchemas = {
  /** A menu item the renderer carries out. */
  'menu:command': z.strictObject({ command: z.enum(MENU_COMMANDS) }),
  /** Sent with `webContents.postMessage`: the run's MessagePort rides along in `event.ports[0]`. */
  'run:port': z.strictObject({ runId: runIdSchema }),
  /** The run's worker process ended without reporting a result (crash or kill). */
  'run:ended': z.strictObject({ runId: runIdSchema, reason: z.enum(['crashed', 'cancelled']), code: z.number().nullable() }),
} as const;

export type EventChannel = keyof typeof eventSchemas;
export type Events = { [E in EventChannel]: z.output<(typeof eventSchemas)[E]> };

/** Builds the refusal every channel returns for a payload that does not match its schema. */
export function refusal(channel: string, error: z.ZodError): IpcIssue {
  const first = error.issues[0];
  const at = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  return {
    message: `The request to ${channel} was refused: its payload is malformed${at}${first ? ` (${first.message})` : ''}.`,
    fix: 'This is a bug in the app, not in your data; reload the window (View > Reload).',
  };
}
