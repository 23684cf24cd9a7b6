/**
 * Field getters for mapping values that name a column or a simple path (`profile.email`,
 * `emails[0].value`, `@odata.type`). At every level the rest of the path is first tried as one literal
 * key (a CSV header "profile.email", Graph's "@odata.type"), then the path descends one segment.
 */
import type { RawRecord } from '../types';

/** Reads one field from a raw record; undefined when absent. */
export type Getter = (raw: RawRecord) => unknown;

interface Step {
  key: string;
  indexes: number[];
  /** The path text from this step on, tried as a literal key first. */
  rest: string;
}

const NAME = String.raw`[A-Za-z_@$#][^\s.\[\]()"'+*/,<>=!&|?:%{}~^;\\]*`;
const SEGMENT = new RegExp(`^(${NAME})((?:\\[\\d+\\])*)$`);
const PATH = new RegExp(`^${NAME}(?:\\[\\d+\\])*(?:\\.${NAME}(?:\\[\\d+\\])*)*$`);
const KEYWORDS = new Set(['true', 'false', 'null']);

/** True when the text is a simple path rather than an expression. */
export function isSimplePath(text: string): boolean {
  return PATH.test(text) && !KEYWORDS.has(text);
}

function parseSteps(path: string): Step[] {
  const parts = path.split('.');
  return parts.map((part, i) => {
    const m = SEGMENT.exec(part);
    const key = m ? m[1] : part;
    const indexes = m && m[2] ? [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1])) : [];
    return { key, indexes, rest: parts.slice(i).join('.') };
  });
}

const own = (obj: unknown, key: string): boolean => typeof obj === 'object' && obj !== null && Object.hasOwn(obj, key);

function walk(value: unknown, steps: readonly Step[], i: number): unknown {
  let current = value;
  for (let s = i; s < steps.length; s++) {
    const step = steps[s];
    if (typeof current !== 'object' || current === null) return undefined;
    if (s > i && own(current, step.rest)) return (current as Record<string, unknown>)[step.rest];
    if (!own(current, step.key)) return undefined;
    current = (current as Record<string, unknown>)[step.key];
    for (const index of step.indexes) {
      if (!Array.isArray(current)) return undefined;
      current = current[index];
    }
  }
  return current;
}

/** A getter for a column name or simple path (the literal key wins over the nested reading). */
export function pathGetter(path: string): Getter {
  if (!isSimplePath(path) || (!path.includes('.') && !path.includes('['))) {
    return (raw) => (Object.hasOwn(raw, path) ? raw[path] : undefined);
  }
  const steps = parseSteps(path);
  return (raw) => (Object.hasOwn(raw, path) ? raw[path] : walk(raw, steps, 0));
}

/** The first segment's key: `profile` for `profile.email`, `emails` for `emails[0].value`. */
export function topKey(path: string): string {
  return parseSteps(path)[0]?.key ?? path;
}

/** Indexes written as [0], for comparing a path with the loader's sampled leaf paths. */
export const indexFree = (path: string): string => path.replace(/\[\d+\]/g, '[0]');
