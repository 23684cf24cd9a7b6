/**
 * Regular expressions written in configs: compiled once per pattern, not once per record.
 *
 * Patterns use JavaScript syntax (close to CEL's RE2 for everything a roster needs: anchors, classes,
 * groups, `\d`, `\s`). RE2's leading `(?i)` is accepted and becomes the `i` flag, since CEL users write it.
 * The cache is a memo of a pure function (same pattern, same RegExp), bounded so that patterns built
 * from data cannot grow it without limit.
 */
const MAX_CACHED = 512;
const cache = new Map<string, RegExp | SyntaxError>();

function build(pattern: string): RegExp | SyntaxError {
  let source = pattern;
  let flags = 'u';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  try {
    return new RegExp(source, flags);
  } catch {
    try {
      // Without the `u` flag JavaScript accepts more legacy escapes (`\-` outside a class, `\_`).
      return new RegExp(source, flags.replace('u', ''));
    } catch (error) {
      return error instanceof SyntaxError ? error : new SyntaxError(String(error));
    }
  }
}

/** The compiled pattern, or the SyntaxError that explains why it is not one. */
export function compileRegex(pattern: string): RegExp | SyntaxError {
  let hit = cache.get(pattern);
  if (hit === undefined) {
    hit = build(pattern);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pattern, hit);
  }
  return hit;
}

/** Like compileRegex, but throws the SyntaxError (inside an expression it becomes a per-record failure). */
export function regexOrThrow(pattern: string): RegExp {
  const re = compileRegex(pattern);
  if (re instanceof SyntaxError) throw re;
  return re;
}

/** A global copy for replace-all, cached beside the plain one. */
const globalCache = new Map<RegExp, RegExp>();
export function globalRegex(pattern: string): RegExp {
  const re = regexOrThrow(pattern);
  let g = globalCache.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, re.flags + 'g');
    if (globalCache.size >= MAX_CACHED) globalCache.clear();
    globalCache.set(re, g);
  }
  return g;
}
