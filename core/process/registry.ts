/**
 * The processor registry (one module per processor, collected here in a table keyed by type, so a
 * new type in the schema fails to compile until it has a module) and the two calls the pipeline
 * makes: compileProcessors once per source, applyProcessors once per record.
 */
import type { Issue } from '../issues';
import type { ProcessorConfig } from '../project/schema';
import { Tally, type RowRef } from '../expr';
import { composeNameProcessor } from './compose-name';
import { geocodeProcessor } from './geocode';
import { processorProblem, unmappedInput, type ProcessAt } from './messages';
import { normalizeEmailProcessor } from './normalize-email';
import { passwordExpiryProcessor } from './password-expiry';
import { splitNameProcessor } from './split-name';
import { copyAttributes, type Attributes, type ProcessContext, type Processor, type ProcessorOptions, type ProcessorType } from './types';

/** Every processor, by type. */
export const PROCESSORS: { readonly [T in ProcessorType]: Processor<T> } = {
  'normalize-email': normalizeEmailProcessor,
  geocode: geocodeProcessor,
  'password-expiry': passwordExpiryProcessor,
  'split-name': splitNameProcessor,
  'compose-name': composeNameProcessor,
};

/** One configured processor, ready to apply. */
export interface CompiledProcessor {
  readonly type: ProcessorType;
  readonly at: ProcessAt;
  readonly outputs: readonly string[];
  apply(attrs: Readonly<Attributes>, ctx: ProcessContext): Attributes;
  /** `apply` without the copy: reads `src`, writes `out` (see Processor.update). */
  update(src: Readonly<Attributes>, out: Attributes, ctx: ProcessContext): void;
  /** `update(x, x)` is the same as `apply(x)` for this configuration. */
  readonly inPlace: boolean;
  /** Counts a problem for the record being processed (built once, not per record). */
  readonly warn: (problem: string, value: unknown) => void;
}

/** A source's processors in order; also counts their problems until flushIssues(). */
export type CompiledProcessors = CompiledProcessor[] & { readonly tally: Tally; flushIssues(): Issue[] };

/** The record being processed, read by the prebuilt warn functions (applyProcessors is synchronous). */
interface Current {
  at: RowRef | undefined;
}

function bind<T extends ProcessorType>(config: ProcessorOptions<T>, at: ProcessAt, tally: Tally, current: Current): CompiledProcessor {
  const processor: Processor<T> = PROCESSORS[config.type as T];
  return {
    type: config.type,
    at,
    outputs: processor.outputs(config),
    apply: (attrs, ctx) => processor.apply(attrs, config, ctx),
    update: (src, out, ctx) => processor.update(src, out, config, ctx),
    inPlace: processor.inPlace(config),
    warn: (problem, value) => tally.add(`${at.key}|${problem}`, processorProblem(at, problem), current.at, value),
  };
}

const CURRENT = new WeakMap<CompiledProcessors, Current>();

/**
 * Compiles a source's processor list. `keyPrefix` is the list's key (`sources[1].processors`).
 * With `mapped` (the attribute names the source maps), a processor reading an attribute that is
 * neither mapped nor written by an earlier processor is a warning.
 */
export function compileProcessors(
  configs: readonly ProcessorConfig[],
  keyPrefix: string,
  options: { source?: string; mapped?: readonly string[] } = {},
): { processors: CompiledProcessors; issues: Issue[] } {
  const issues: Issue[] = [];
  const tally = new Tally();
  const current: Current = { at: undefined };
  const available = new Set(options.mapped ?? []);
  const list = configs.map((config, i) => {
    const at: ProcessAt = { key: `${keyPrefix}[${i}]`, ...(options.source ? { source: options.source } : {}) };
    const processor = PROCESSORS[config.type] as Processor<ProcessorType>;
    if (options.mapped) {
      for (const input of processor.inputs(config)) {
        if (!available.has(input)) issues.push(unmappedInput(at, config.type, input, options.mapped));
      }
    }
    const compiled = bind(config, at, tally, current);
    for (const output of compiled.outputs) available.add(output);
    return compiled;
  });
  const processors = Object.assign(list, { tally, flushIssues: () => tally.drain() });
  CURRENT.set(processors, current);
  return { processors, issues };
}

/** Runs the processors in order over one record's attributes (a new object; `attrs` is unchanged).
 * `ctx.at` (the record) lets counted problems name their first rows. */
export function applyProcessors(processors: CompiledProcessors, attrs: Readonly<Attributes>, ctx: { asOf: string; at?: RowRef }): Attributes {
  const current = CURRENT.get(processors);
  if (current) current.at = ctx.at;
  // Every processor returns a new object, so only an empty list needs a copy of its own.
  let out: Readonly<Attributes> = processors.length === 0 ? copyAttributes(attrs) : attrs;
  for (const step of processors) out = step.apply(out, { asOf: ctx.asOf, warn: step.warn });
  return out as Attributes;
}

/**
 * applyProcessors for an attributes object the caller owns (mapRecord's fresh result): processors write
 * into it instead of copying it once each (issue 6: three copies per record were a tenth of a run). A
 * processor whose options would make that differ (see Processor.inPlace) still gets its copy.
 */
export function applyProcessorsInPlace(processors: CompiledProcessors, attrs: Attributes, ctx: ProcessContext & { at?: RowRef }): Attributes {
  const current = CURRENT.get(processors);
  if (current) current.at = ctx.at;
  let out = attrs;
  for (let i = 0; i < processors.length; i++) {
    const step = processors[i];
    const stepCtx: ProcessContext = { asOf: ctx.asOf, warn: step.warn };
    if (step.inPlace) step.update(out, out, stepCtx);
    else out = step.apply(out, stepCtx);
  }
  return out;
}
