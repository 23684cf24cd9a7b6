/**
 * The checks every IPC request passes before a handler runs, as a plain function (tested without
 * Electron): the sender must be the app's own window showing the app's own page, and the payload must
 * match the channel's zod schema. Whatever goes wrong becomes `{ ok: false, issue }`; nothing throws
 * across the process boundary.
 */
import { ProjectError } from '../../core/issues';
import { refusal, requestSchemas, type Channel, type IpcIssue, type Request, type Responses, type Result } from '../ipc/contract';
import { isTrustedSender, type AppOrigin, type SenderInfo } from './security';

/** A refusal a handler raises on purpose: its issue goes to the user as it is. */
export class HandlerRefusal extends Error {
  readonly issue: IpcIssue;
  constructor(issue: IpcIssue) {
    super(issue.message);
    this.name = 'HandlerRefusal';
    this.issue = issue;
  }
}

/** Where trusted requests come from. `windows` is read on every request (windows come and go). */
export interface TrustContext {
  windows: () => ReadonlySet<number>;
  origin: AppOrigin;
}

export type Handler<C extends Channel> = (request: Request<C>, sender: SenderInfo) => Promise<Responses[C]>;

export const UNTRUSTED_SENDER: IpcIssue = {
  message: 'The request was refused: it did not come from the Roster Audit window.',
};

/** Turns anything a handler throws into an issue the UI can show. */
export function issueFromError(error: unknown): IpcIssue {
  if (error instanceof HandlerRefusal) return error.issue;
  if (error instanceof ProjectError) {
    const [first] = error.issues;
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    return { message: `${first?.message ?? error.message}${more}`, ...(first?.fix ? { fix: first.fix } : {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `Something went wrong in the app: ${detail}`, fix: 'Try again; if it keeps happening, report it with the steps that lead to it.' };
}

/** Checks sender and payload, then runs the handler. */
export async function dispatch<C extends Channel>(
  channel: C,
  payload: unknown,
  sender: SenderInfo,
  trust: TrustContext,
  handler: Handler<C>,
): Promise<Result<Responses[C]>> {
  if (!isTrustedSender(sender, trust.windows(), trust.origin)) return { ok: false, issue: UNTRUSTED_SENDER };
  const parsed = requestSchemas[channel].safeParse(payload);
  if (!parsed.success) return { ok: false, issue: refusal(channel, parsed.error) };
  try {
    return { ok: true, data: await handler(parsed.data as Request<C>, sender) };
  } catch (error) {
    return { ok: false, issue: issueFromError(error) };
  }
}
