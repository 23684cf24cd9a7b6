/**
 * Finds where a JSON text first breaks, for error messages. JSON.parse's messages differ between engines
 * and V8 versions (Node 20 gives no position at all), so the loader scans the text itself, and only
 * after JSON.parse has failed.
 */

/** The first syntax error: its character offset, what was wrong, and whether the text simply ended. */
export interface JsonErrorPlace {
  offset: number;
  detail: string;
  /** The text ends before the document does: a cut-off file. */
  atEnd: boolean;
}

type Container = '{' | '[';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = new Set([' ', '\t', '\n', '\r']);

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset after a string starting at `i` (a `"`), or the error. */
function scanString(text: string, i: number): number | JsonErrorPlace {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20)
      return { offset: j, detail: 'a line break or control character inside a string', atEnd: false };
    if (c === 0x5c) j++;
  }
  return { offset: text.length, detail: 'a string that never ends', atEnd: true };
}

/** Offset after the value starting at `i` when it is a scalar, the error, or null for `{`/`[`. */
function scanScalar(text: string, i: number): number | JsonErrorPlace {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, i)) return i + literal.length;
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  if (c === "'")
    return { offset: i, detail: 'a single quote (JSON strings use double quotes)', atEnd: false };
  return { offset: i, detail: `an unexpected character "${c}" where a value should be`, atEnd: false };
}

/**
 * Scans `text` as one JSON document and returns its first error, or null when it is valid.
 * Iterative (an explicit stack), so deep nesting cannot overflow the call stack.
 */
export function locateJsonError(text: string): JsonErrorPlace | null {
  const stack: Container[] = [];
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const fail = (detail: string): JsonErrorPlace =>
    i >= text.length
      ? { offset: text.length, detail: 'the text ends too early', atEnd: true }
      : { offset: i, detail, atEnd: false };
  /** Reads `"name":`; returns the error, or null with `i` at the value. */
  const key = (hint: string): JsonErrorPlace | null => {
    skip();
    if (text[i] !== '"') return fail(`expected a property name in double quotes${hint}`);
    const end = scanString(text, i);
    if (typeof end !== 'number') return end;
    i = end;
    skip();
    if (text[i] !== ':') return fail('expected ":" after a property name');
    i++;
    return null;
  };

  for (;;) {
    // Expect a value.
    skip();
    if (i >= text.length) return fail('');
    if (text[i] === '{' || text[i] === '[') {
      const open = text[i] as Container;
      stack.push(open);
      i++;
      skip();
      if (text[i] === (open === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        const error = open === '{' ? key('') : null;
        if (error) return error;
        continue;
      }
    } else {
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return end.offset >= text.length ? { ...end, atEnd: true } : end;
      i = end;
    }
    // After a value: close containers or move to the next item.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined)
        return i >= text.length ? null : fail('more text after the end of the JSON document');
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail(`expected "," or "${close}"`);
      i++;
      const error = top === '{' ? key(' (no comma after the last property)') : null;
      if (error) return error;
      break;
    }
  }
}
