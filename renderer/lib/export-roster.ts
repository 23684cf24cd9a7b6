/** The roster CSV export: the same writer (core/export) and columns as the CLI's roster.csv. */
import { rosterCsv } from '../../core/export/tables';
import type { Backend } from '../backend/backend';
import type { RunEntity } from '../db/entities';
import { repo } from '../db/repo';

/** Writes the run's roster as roster.csv through the backend; resolves with the users written, or null
 * when the user cancelled the save. */
export async function exportRoster(backend: Backend, run: RunEntity): Promise<number | null> {
  if (!run.header) throw new Error('The run is not complete.');
  const users = await repo.rosterUsers(run.id);
  const saved = await backend.saveText('roster.csv', [...rosterCsv(run.header.config, users)].join(''));
  return saved ? users.length : null;
}
