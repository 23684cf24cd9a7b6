/**
 * `roster-audit init <files...> [--out project.json] [--name NAME] [--force]` (issue 7): recognizes each
 * export file (core/presets), writes a project file ready to run and prints what it chose and why.
 *
 * Nothing is written unless the proposed project runs: init runs the pipeline on the files it just read
 * and, on an error, prints the issues and exits 1 with no project file.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ProjectError, type Issue } from '../../core/issues';
import { loadFile } from '../../core/load';
import { runPipeline } from '../../core/pipeline';
import {
  detectSource,
  proposeProject,
  sampleFromLoaded,
  type DetectedFile,
  type ProposedProject,
  type SourceDetection,
} from '../../core/presets';
import type { InputFile, RunResult } from '../../core/types';
import { formatSummary } from './summary';
import { UsageError } from './usage';

/** One export file read from disk, named as the project will name it (relative to the project file). */
interface ReadExport {
  path: string;
  bytes: Uint8Array;
  modified: string;
}

async function readExports(files: string[], projectDir: string): Promise<ReadExport[]> {
  const issues: Issue[] = [];
  const read = await Promise.all(
    files.map(async (file): Promise<ReadExport | null> => {
      const absolute = resolve(file);
      try {
        const [bytes, info] = await Promise.all([readFile(absolute), stat(absolute)]);
        return {
          path: relative(projectDir, absolute).split(sep).join('/'),
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          modified: info.mtime.toISOString(),
        };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        issues.push({
          code: 'input.unreadable',
          severity: 'error',
          file,
          message: `Cannot read "${file}" (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}; looked at ${absolute})`,
          fix: 'Check the file name; paths are relative to the current folder.',
        });
        return null;
      }
    }),
  );
  if (issues.length > 0) throw new ProjectError(issues);
  return read.filter((r): r is ReadExport => r !== null);
}

/** Detects every file; a file that cannot be loaded at all stops init with its issues. */
function detectAll(exports: ReadExport[]): DetectedFile[] {
  return exports.map((e) => {
    const loaded = loadFile({ source: 'init', name: e.path, bytes: e.bytes }, { format: 'auto' });
    const errors = loaded.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) throw new ProjectError(errors);
    return { path: e.path, detection: detectSource(sampleFromLoaded(loaded)) };
  });
}

const pct = (x: number) => x.toFixed(2);

/** What init chose for one source, with its reasons, the runner-up presets and any notes. */
function describeSource(id: string, files: string[], d: SourceDetection): string[] {
  const lines = [
    `${id} (${d.system}) <- ${files.join(', ')}`,
    `  ${d.preset === 'guess' ? 'guessed' : `preset ${d.preset}`}: ${d.label}, confidence ${pct(d.confidence)}`,
  ];
  if (d.reasons.length > 0) lines.push(`  because: ${d.reasons.join('; ')}`);
  const others = d.alternatives.slice(0, 3).map((a) => `${a.preset} ${pct(a.confidence)}`);
  if (others.length > 0) lines.push(`  other candidates: ${others.join(', ')}`);
  if (d.preset === 'guess') {
    lines.push('  guessed mapping (confidence, reason):');
    for (const a of d.attributes)
      lines.push(`    ${a.attribute} = ${a.entry}  (${pct(a.confidence)}, ${a.reason})`);
  }
  const rules = d.source.filters.map((f) => (f.enabled ? f.name : `${f.name} (off)`));
  if (rules.length > 0) lines.push(`  filters: ${rules.join(', ')}`);
  for (const note of d.notes) lines.push(`  note: ${note}`);
  return lines;
}

/** Runs the proposed project on the files already read (the same check `roster-audit run` makes). */
async function dryRun(proposal: ProposedProject, exports: ReadExport[]): Promise<RunResult> {
  const inputs: InputFile[] = proposal.sources.flatMap((s) =>
    s.files.map((path) => {
      const e = exports.find((x) => x.path === path);
      if (!e) throw new Error(`Invariant failed: ${path} was detected but not read`);
      return { source: s.id, name: path, bytes: e.bytes, modified: e.modified };
    }),
  );
  return runPipeline(inputs, proposal.project, { today: new Date().toISOString().slice(0, 10) });
}

export async function initCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'project.json' },
        name: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const files = parsed.positionals;
  if (files.length === 0)
    throw new UsageError('init needs export files: roster-audit init <files...> [--out project.json]');
  const out = resolve(parsed.values.out);
  if (existsSync(out) && !parsed.values.force) {
    process.stderr.write(
      `roster-audit: ${out} already exists; choose another --out or add --force to replace it\n`,
    );
    return 1;
  }
  const projectDir = dirname(out);
  const name = parsed.values.name ?? (basename(projectDir) || 'Roster audit');

  const exports = await readExports(files, projectDir);
  const proposal = proposeProject(detectAll(exports), { name });
  const result = await dryRun(proposal, exports);

  const temp = `${out}.partial`;
  await mkdir(projectDir, { recursive: true });
  try {
    await writeFile(temp, `${JSON.stringify(proposal.project, null, 2)}\n`);
    await rename(temp, out);
  } finally {
    await rm(temp, { force: true });
  }

  const lines = [
    ...proposal.sources.flatMap((s) => [...describeSource(s.id, s.files, s.detection), '']),
    ...proposal.notes.map((n) => `project: ${n}`),
    '',
    `Wrote ${out}. A trial run on these files gave:`,
    '',
    formatSummary(result),
    '',
    `Next: roster-audit run ${relative(process.cwd(), out) || out}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
