/**
 * Message catalog of the expression layer. Each function returns an Issue naming the config key,
 * the expression, where in it, and the fix.
 */
import type { Issue } from '../issues';
import { describeRows, describeSamples, type TallyEntry } from './tally';

export type ExpressionKind = 'mapping' | 'filter' | 'rule';

/** Where an expression sits in the project. */
export interface ExprAt {
  key: string;
  kind: ExpressionKind;
  text: string;
  source?: string;
  file?: string;
}

const KIND: Record<ExpressionKind, string> = { mapping: 'mapping expression', filter: 'filter', rule: 'rule' };
const HELPER_LIST =
  'lower, upper, trim, concat, coalesce, split, split_part, replace, matches, substring, parse_date, date, to_bool, to_number, is_empty, default, field';

const TOKENS: Record<string, string> = {
  EOF: 'the end of the expression', NUMBER: 'a number', STRING: 'a quoted string', BOOLEAN: 'true/false', NULL: 'null',
  IDENTIFIER: 'a name', PLUS: '"+"', MINUS: '"-"', MULTIPLY: '"*"', DIVIDE: '"/"', MODULO: '"%"', EQ: '"=="', NE: '"!="',
  LT: '"<"', LE: '"<="', GT: '">"', GE: '">="', AND: '"&&"', OR: '"||"', NOT: '"!"', IN: '"in"', LPAREN: '"("',
  RPAREN: '")"', LBRACKET: '"["', RBRACKET: '"]"', LBRACE: '"{"', RBRACE: '"}"', DOT: '"."', COMMA: '","', COLON: '":"',
  QUESTION: '"?"', BYTES: 'a bytes literal',
};

const base = (at: ExprAt) => ({ key: at.key, ...(at.source ? { source: at.source } : {}), ...(at.file ? { file: at.file } : {}) });
const caret = (text: string, position: number) => `\n    ${text}\n    ${' '.repeat(Math.max(0, position))}^`;

/** Turns the parser's token talk (`Expected RPAREN, got EOF`) into words. */
export function readableSyntaxError(summary: string): string {
  return summary
    .replace(/^Expected (\w+), got (\w+)$/, (_m, a: string, b: string) => `expected ${TOKENS[a] ?? a} but found ${TOKENS[b] ?? b}`)
    .replace(/^Unexpected token: EOF$/, 'it ends too early (something is missing at the end of the expression)')
    .replace(/^Unexpected token: (\w+)$/, (_m, a: string) => `unexpected ${TOKENS[a] ?? a}`)
    .replace(/^Unexpected character: '?(.+?)'?$/, (_m, c: string) => `unexpected character "${c}"`)
    .replace(/^Reserved identifier: (\w+)$/, (_m, w: string) => `"${w}" is a reserved word`)
    .replace(/^Unterminated string$/, 'a quoted string is not closed');
}

/** A hint for the usual slips: filtrex/SQL habits and field names with spaces. */
function syntaxHint(text: string, position: number): string {
  const rest = text.slice(position);
  if (text.includes('~=')) return 'CEL has no "~=": write user_name.matches("^svc-") or matches(user_name, "^svc-").';
  if (/^=[^=]/.test(rest) && !/[=!<>]$/.test(text.slice(0, position))) return 'Compare with "==", not "=".';
  if (/^(and|or|not)\b/i.test(rest) || /\s(and|or)\s/i.test(text)) return 'Combine conditions with "&&" and "||", negate with "!".';
  if (/\bin\s*\(/.test(text)) return 'Write a list in brackets: country in ["US", "CA"].';
  if (/^[\s@#$-]/.test(rest) || (/[A-Za-z0-9_]\s+$/.test(text.slice(0, position)) && /^[A-Za-z_]/.test(rest))) return 'Write a field whose name has spaces or symbols as Work_Email (each such character becomes "_") or field("Work Email").';
  return `Correct the expression near column ${position + 1}. Expressions are CEL: ==, !=, &&, ||, !, "text", [lists], and helpers such as lower(x) or matches(x, "re").`;
}

/** The expression does not parse; `end` is where the offending token ends. */
export function exprParse(at: ExprAt, position: number, end: number, summary: string): Issue {
  const token = at.text.slice(position, end).trim();
  const what = summary.startsWith('Unexpected character') && token.length > 1 ? `unexpected "${token}"` : readableSyntaxError(summary);
  return {
    ...base(at),
    code: 'expr.parse',
    severity: 'error',
    message: `${at.key}: the ${KIND[at.kind]} does not parse: ${what} at column ${position + 1}.${caret(at.text, position)}`,
    fix: summary.startsWith('field()') ? 'Quote the name: field("Work Email").' : syntaxHint(at.text, position),
  };
}

/** The expression parses but calls something that does not exist or mixes types. */
export function exprType(at: ExprAt, position: number, summary: string): Issue {
  const overload = /no matching overload for '(.+)'/.exec(summary);
  const what = overload ? `no function or operator ${overload[1]} (a misspelt name or the wrong number of arguments)` : summary;
  return {
    ...base(at),
    code: 'expr.type',
    severity: 'error',
    message: `${at.key}: the ${KIND[at.kind]} is not valid: ${what} at column ${position + 1}.${caret(at.text, position)}`,
    fix: `Check the name and arguments. Helpers: ${HELPER_LIST}; CEL's own: size, string, int, double, has, x.contains, x.startsWith, x.endsWith, x.matches, list.exists.`,
  };
}

/** A filter or rule that can only produce a non-boolean. */
export function exprNotBoolean(at: ExprAt, type: string): Issue {
  return {
    ...base(at),
    code: 'expr.not-boolean',
    severity: 'error',
    message: `${at.key}: the ${KIND[at.kind]} \`${at.text}\` gives a ${type}, but it must be true or false.`,
    fix: 'Compare the value, e.g. status == "DEPROVISIONED", is_bot == true, or use matches(x, "re").',
  };
}

/** A regular-expression literal that JavaScript cannot compile. */
export function exprRegex(at: ExprAt, pattern: string, reason: string): Issue {
  return {
    ...base(at),
    code: 'expr.regex',
    severity: 'error',
    message: `${at.key}: the regular expression "${pattern}" in \`${at.text}\` is invalid: ${reason}.`,
    fix: 'Escape special characters with a backslash (in a quoted string write "\\\\." for a literal dot), or use a raw string r"...".',
  };
}

/** Tallied: evaluation failed on some records; they got null. */
export const exprRuntime = (at: ExprAt, summary: string) => (entry: TallyEntry): Issue => ({
  ...base(at),
  code: 'expr.runtime',
  severity: 'warning',
  message: `${at.key}: the ${KIND[at.kind]} \`${at.text}\` failed on ${entry.count} record(s) (${describeRows(entry.rows)}): ${summary}. Those records got null${at.kind === 'mapping' ? '' : ' (false)'}.`,
  fix: 'Guard the failing part, e.g. has(raw.profile.title) ? raw.profile.title : null, or convert first with to_number(x) / string(x).',
});

/** Tallied: the expression read a key that some records lack (sparse JSON); they got null. */
export const exprMissing = (at: ExprAt) => (entry: TallyEntry): Issue => ({
  ...base(at),
  code: 'expr.missing-field',
  severity: 'info',
  message: `${at.key}: the ${KIND[at.kind]} \`${at.text}\` read a field missing or null in ${entry.count} record(s) (${describeRows(entry.rows)}${entry.samples.length ? `: ${describeSamples(entry.samples)}` : ''}); they got null${at.kind === 'mapping' ? '' : ' (false)'}.`,
  fix: 'Nothing to do if those records really lack it; otherwise test with has(raw.a.b) or use default(x, "...").',
});

/** A field named like a CEL type (`type`, `duration`) written bare: CEL reads it as the type. */
export function exprTypeName(at: ExprAt, name: string): Issue {
  return {
    ...base(at),
    code: 'expr.type-name',
    severity: 'error',
    message: `${at.key}: in \`${at.text}\`, "${name}" is a CEL type name, so it does not read the field "${name}".`,
    fix: `Write field("${name}") (or raw.${name} for the raw record's field).`,
  };
}
