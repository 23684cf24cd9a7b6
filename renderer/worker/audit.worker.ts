/**
 * The audit worker (issue 4): explain, suggested links, key advice and what-if over a stored run, off the
 * window's thread. It reads the run from IndexedDB itself (Dexie works in workers) and answers each request
 * by id; progress messages say what it is loading.
 */
import { z } from 'zod';
import { auditRepo } from '../db/repo-audit';
import { errorText } from '../lib/errors';
import type { AuditReply, AuditRequest } from './audit-protocol';
import { createAuditTasks } from './audit-tasks';

// Same as the page: no `new Function` under the CSP.
z.config({ jitless: true });

const tasks = createAuditTasks(auditRepo);

function post(reply: AuditReply): void {
  self.postMessage(reply);
}

self.onmessage = (event: MessageEvent<AuditRequest>) => {
  const { id, task } = event.data;
  tasks
    .run(task, (message) => post({ id, type: 'progress', message }))
    .then((answer) => post({ id, type: 'answer', answer }))
    .catch((error: unknown) => post({ id, type: 'error', message: errorText(error) }));
};
