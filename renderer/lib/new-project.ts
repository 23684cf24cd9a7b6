/** The project "New project" starts from: one HR source to add files to. Its mapping is empty, so the
 * first export dropped into it is recognized and pre-fills it (PresetPanel). */
import type { ProjectInput } from '../../core/project/schema';

export function newProjectTemplate(): ProjectInput {
  return {
    name: 'New project',
    primary: 'hr',
    sources: [{ id: 'hr', label: 'HR export', system: 'hris', files: [], externalId: 'id', mapping: {} }],
    join: { key: 'email' },
    enablement: { mode: 'all' },
  };
}
