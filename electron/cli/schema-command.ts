/** `roster-audit schema`: the project file's JSON Schema, derived from the zod schema. */
import { z } from 'zod';
import { projectSchema } from '../../core/project/schema';
import { UsageError } from './usage';

export function projectJsonSchema(): unknown {
  return { ...z.toJSONSchema(projectSchema, { io: 'input' }), title: 'Roster Audit project' };
}

export async function schemaCommand(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError('schema takes no arguments');
  process.stdout.write(`${JSON.stringify(projectJsonSchema(), null, 2)}\n`);
  return 0;
}
