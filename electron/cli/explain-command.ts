/** `roster-audit explain`: the trace of one person, as text or JSON. */
import { parseArgs } from 'node:util';
import { explain } from '../../core/explain/explain';
import { formatTrace } from '../../core/explain/format';
import { traceHtml } from '../../core/explain/html';
import { parseAsOf, runProjectFile } from './run-command';
import { UsageError } from './usage';

export async function explainCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, html: { type: 'boolean', default: false }, 'as-of': { type: 'string' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [projectPath, ...words] = parsed.positionals;
  const query = words.join(' ').trim();
  if (!projectPath || query === '') throw new UsageError('explain needs a project file and what to look for: roster-audit explain <project.json> <email|name|id>');
  const result = await runProjectFile(projectPath, { asOf: parseAsOf(parsed.values['as-of']), quiet: true, keepRaw: true });
  const trace = explain(result, query, { raw: (r) => r.raw });
  if (parsed.values.json && parsed.values.html) throw new UsageError('choose one of --json and --html');
  process.stdout.write(parsed.values.json ? `${JSON.stringify(trace, null, 2)}\n` : parsed.values.html ? traceHtml(trace) : `${formatTrace(trace)}\n`);
  return 0;
}
