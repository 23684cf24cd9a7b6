/**
 * One generation: the plan, then every person and extra streamed into the four exports, then the
 * manifest and the project file. The pure model (plan, identity, situation, accounts, people, extras)
 * never touches the file system; this module, sink.ts and project.ts do.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { slackFormat } from './chat-slack';
import { workdayFormat } from './hris-workday';
import { oktaFormat } from './idp-okta';
import { servicenowFormat } from './itsm-servicenow';
import { buildExtras } from './extras';
import { ManifestBuilder, type Manifest } from './manifest';
import type { Case, Records, SourceId } from './model';
import { personRecords } from './people';
import { buildPlan, type GenOptions } from './plan';
import { buildProject, writeProject } from './project';
import { ChunkedFile, type ExportContext } from './sink';

export interface GenerateOptions extends GenOptions {
  /** Folder for the exports and manifest.json. */
  out: string;
  /** Where to write the project file; default `<out>/project.json`. */
  project?: string;
}

export interface GenerateResult {
  manifest: Manifest;
  projectPath: string;
  /** Paths of every file written. */
  written: string[];
}

/** People between two awaits of the streams' backpressure. */
const BATCH = 2048;

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const plan = buildPlan(opts);
  const out = resolve(opts.out);
  const projectPath = resolve(opts.project ?? join(out, 'project.json'));
  await mkdir(out, { recursive: true });
  await mkdir(dirname(projectPath), { recursive: true });

  const ctx: ExportContext = { asOf: plan.asOf, teamId: plan.teamId, oktaTypeId: plan.oktaTypeId };
  const files = {
    workday: new ChunkedFile(join(out, workdayFormat.file), workdayFormat, ctx),
    okta: new ChunkedFile(join(out, oktaFormat.file), oktaFormat, ctx),
    servicenow: new ChunkedFile(join(out, servicenowFormat.file), servicenowFormat, ctx),
    slack: new ChunkedFile(join(out, slackFormat.file), slackFormat, ctx),
  };
  const all = Object.values(files);
  const manifest = new ManifestBuilder(plan);
  const emit = ({ records, cases }: { records: Records; cases: Case[] }) => {
    for (const r of records.workday) files.workday.add(r);
    for (const r of records.okta) files.okta.add(r);
    for (const r of records.servicenow) files.servicenow.add(r);
    for (const r of records.slack) files.slack.add(r);
    for (const c of cases) manifest.add(c);
  };

  const extras = buildExtras(plan);
  let next = 0;
  const total = plan.base + plan.joiners;
  while (next < extras.length && extras[next].slot < 0) emit(extras[next++]);
  for (let i = 0; i < total; i++) {
    emit(personRecords(plan, i));
    while (next < extras.length && extras[next].slot === i) emit(extras[next++]);
    if (i % BATCH === BATCH - 1) for (const f of all) await f.flush();
  }
  for (const f of all) await f.close();

  const names: Record<SourceId, string> = {
    workday: workdayFormat.file,
    okta: oktaFormat.file,
    servicenow: servicenowFormat.file,
    slack: slackFormat.file,
  };
  const counts: Record<SourceId, number> = {
    workday: files.workday.count,
    okta: files.okta.count,
    servicenow: files.servicenow.count,
    slack: files.slack.count,
  };
  const built = manifest.build(names, counts);
  const manifestPath = join(out, 'manifest.json');
  await writeFile(manifestPath, JSON.stringify(built, null, 2) + '\n');

  // Paths in the project file are relative to it, with forward slashes on every platform.
  const rel = (file: string) => relative(dirname(projectPath), join(out, file)).split(sep).join('/');
  const project = buildProject(plan.asOf, {
    workday: rel(workdayFormat.file),
    okta: rel(oktaFormat.file),
    servicenow: rel(servicenowFormat.file),
    slack: rel(slackFormat.file),
  });
  await writeProject(projectPath, project);
  return {
    manifest: built,
    projectPath,
    written: [...Object.values(names).map((f) => join(out, f)), manifestPath, projectPath],
  };
}
