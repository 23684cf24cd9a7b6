/** The project "New project" starts from: one HR source to add files to, mapped by email. */
import type { ProjectInput } from '../../core/project/schema';

export function newProjectTemplate(): ProjectInput {
  return {
    name: 'New project',
    primary: 'hr',
    sources: [{ id: 'hr', label: 'HR export', system: 'hris', files: [], externalId: 'employee_id', mapping: { employee_id: 'employee_id', email: 'email' } }],
    join: { key: 'email' },
    enablement: { mode: 'all' },
  };
}
