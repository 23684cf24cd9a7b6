/**
 * The compare worker (issue 5): loads two runs from the app's IndexedDB (Dexie works in workers), diffs
 * them and keeps the diff, answering the Compare screen's questions one page at a time. The page stays
 * responsive however large the runs: only overviews, list pages and single users cross postMessage.
 */
import { RosterDb } from '../db/db';
import { createHistoryRepo } from '../db/repo-history';
import type { CompareReply, CompareRequest } from './compare-protocol';
import { CompareSession } from './compare-session';

const repo = createHistoryRepo(new RosterDb());
let session: Promise<CompareSession> | null = null;

const post = (reply: CompareReply) => self.postMessage(reply);

async function answer(request: CompareRequest): Promise<unknown> {
  if (request.type === 'open') {
    session = CompareSession.open(repo, request.a, request.b, (progress) => post({ id: -1, progress }));
    return (await session).overview();
  }
  if (!session) throw new Error('No comparison is open.');
  const open = await session;
  switch (request.type) {
    case 'list':
      return open.list(request.query);
    case 'detail':
      return open.detail(request.kind, request.index);
    case 'csv':
      return open.csv();
  }
}

self.onmessage = (event: MessageEvent<CompareRequest>) => {
  const request = event.data;
  answer(request).then(
    (data) => post({ id: request.id, ok: true, data }),
    (error: unknown) => post({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
