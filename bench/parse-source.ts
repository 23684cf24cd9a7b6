/**
 * Parsing alone, one source (issue 6, part 4): `tsx bench/parse-source.ts <project.json> <source> <parser>`.
 *   stream  core/load/stream (the CLI's loader): the file read in chunks, records counted, nothing kept;
 *   whole   core/load loadFile on the whole file in memory (papaparse for CSV, JSON.parse for JSON):
 *           the loader before issue 6, and what the streaming one falls back to.
 * Prints {ms, records} or {error}.
 */
import { readFile } from 'node:fs/promises';
import { loadFile } from '../core/load';
import { OpenedSource } from '../core/load/stream/open-source';
import { loadOptions } from '../core/load/stream/open-source';
import { openInputs, readProjectFile } from '../electron/node/project-files';

const [projectPath, sourceId, parser] = process.argv.slice(2);
const projectFile = await readProjectFile(projectPath);
const source = projectFile.project.sources.find((s) => s.id === sourceId);
if (!source) throw new Error(`no source ${sourceId}`);
const inputs = (await openInputs(projectFile)).filter((f) => f.source === sourceId);
const started = performance.now();
let records = 0;
try {
  if (parser === 'stream') {
    const opened = await OpenedSource.open(source, inputs);
    for await (const { batch } of opened.batches()) records += batch.raws.length;
  } else {
    for (const input of inputs) {
      const path = (await import('node:path')).resolve(projectFile.dir, input.name);
      const bytes = await readFile(path);
      records += loadFile({ source: sourceId, name: input.name, bytes }, loadOptions(source)).records.length;
    }
  }
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, records })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message.slice(0, 80) : String(error) })}\n`);
}
