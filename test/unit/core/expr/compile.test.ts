import { describe, expect, it } from 'vitest';
import { compileExpression, EvalFailure, Tally, type ExpressionKind } from '../../../../core/expr';

const issueCases: Array<{ description: string; input: string; options: { kind: ExpressionKind }; expected: { code: string; message: RegExp; fix?: RegExp } }> = [
  { description: 'unclosed call names the column and what is expected', input: 'lower(x', options: { kind: 'mapping' }, expected: { code: 'expr.parse', message: /expected "\)" but found the end of the expression at column 8/ } },
  { description: 'the message shows the expression with a caret', input: 'a &&', options: { kind: 'filter' }, expected: { code: 'expr.parse', message: /\n {4}a &&\n {8}\^/ } },
  { description: 'filtrex ~= gets the CEL spelling', input: 'user_name ~= "^svc-"', options: { kind: 'filter' }, expected: { code: 'expr.parse', message: /unexpected character "~"/, fix: /user_name\.matches\("\^svc-"\)/ } },
  { description: 'SQL-style in (...) gets brackets', input: 'country in ("US", "CA")', options: { kind: 'filter' }, expected: { code: 'expr.parse', message: /column/, fix: /\["US", "CA"\]/ } },
  { description: 'single = gets ==', input: 'status = "X"', options: { kind: 'filter' }, expected: { code: 'expr.parse', message: /column 8/, fix: /"=="/ } },
  { description: 'and/or get && and ||', input: 'a == 1 or b == 2', options: { kind: 'filter' }, expected: { code: 'expr.parse', message: /unexpected "or"/, fix: /&&/ } },
  { description: 'a column name with a space', input: 'Work Email', options: { kind: 'mapping' }, expected: { code: 'expr.parse', message: /unexpected "Email"/, fix: /Work_Email.*field\("Work Email"\)/ } },
  { description: 'unterminated string', input: 'x == "abc', options: { kind: 'filter' }, expected: { code: 'expr.parse', message: /not closed/ } },
  { description: 'reserved word', input: 'if', options: { kind: 'mapping' }, expected: { code: 'expr.parse', message: /"if" is a reserved word/ } },
  { description: 'empty expression', input: '', options: { kind: 'mapping' }, expected: { code: 'expr.parse', message: /end of the expression/ } },
  { description: 'unknown function', input: 'lowercase(x)', options: { kind: 'mapping' }, expected: { code: 'expr.type', message: /lowercase\(dyn\).*misspelt/, fix: /lower, upper/ } },
  { description: 'wrong number of arguments', input: 'split_part(x, "@")', options: { kind: 'mapping' }, expected: { code: 'expr.type', message: /split_part\(dyn, string\)/ } },
  { description: 'type mismatch of literals', input: '"a" + 1', options: { kind: 'mapping' }, expected: { code: 'expr.type', message: /string \+ int/ } },
  { description: 'a filter giving a string', input: 'lower(x) + "a"', options: { kind: 'filter' }, expected: { code: 'expr.not-boolean', message: /gives a string/ } },
  { description: 'a rule giving an int', input: 'size(x)', options: { kind: 'rule' }, expected: { code: 'expr.not-boolean', message: /gives a int/ } },
  { description: 'invalid regex literal', input: 'matches(x, "(")', options: { kind: 'filter' }, expected: { code: 'expr.regex', message: /"\(".*invalid/ } },
  { description: 'invalid regex literal in .matches', input: 'x.matches("[a")', options: { kind: 'filter' }, expected: { code: 'expr.regex', message: /invalid/ } },
  { description: 'field() needs a quoted name', input: 'field(x)', options: { kind: 'mapping' }, expected: { code: 'expr.parse', message: /field\(\) takes one quoted name/, fix: /field\("Work Email"\)/ } },
];

describe('compileExpression issues', () => {
  it.each(issueCases)('$description', ({ input, options, expected }) => {
    const result = compileExpression(input, { key: 'sources[0].filters[0].when', kind: options.kind, source: 'okta' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue.code).toBe(expected.code);
    expect(result.issue.severity).toBe('error');
    expect(result.issue.key).toBe('sources[0].filters[0].when');
    expect(result.issue.source).toBe('okta');
    expect(result.issue.message).toMatch(/^sources\[0\]\.filters\[0\]\.when: /);
    expect(result.issue.message).toMatch(expected.message);
    if (expected.fix) expect(result.issue.fix).toMatch(expected.fix);
  });
});

const identifierCases: Array<{ description: string; input: string; expected: string[] }> = [
  { description: 'plain variables', input: 'is_bot == true || user_name.matches("^svc-")', expected: ['is_bot', 'user_name'] },
  { description: 'member access counts the root only', input: 'raw.profile.userType == "Room"', expected: ['raw'] },
  { description: 'macro variables are not identifiers', input: 'emails.exists(e, e.type == "work" && e.value != primary)', expected: ['emails', 'primary'] },
  { description: 'cel.bind variables are not identifiers', input: 'cel.bind(d, lower(a), d + b)', expected: ['a', 'b'] },
  { description: 'field() names are identifiers', input: 'concat(field("First Name"), " ", last)', expected: ['First Name', 'last'] },
  { description: 'type names are not identifiers', input: 'type(x) == string', expected: ['x'] },
  { description: 'literals only', input: '"a" + "b"', expected: [] },
];

describe('compileExpression identifiers', () => {
  it.each(identifierCases)('$description', ({ input, expected }) => {
    const result = compileExpression(input, { key: 'k', kind: 'mapping' });
    if (!result.ok) throw new Error(result.issue.message);
    expect(result.expr.identifiers).toEqual(expected);
  });
});

describe('evaluation null-safety', () => {
  const filter = (text: string) => {
    const result = compileExpression(text, { key: 'sources[1].filters[0].when', kind: 'filter' });
    if (!result.ok) throw new Error(result.issue.message);
    return result.expr;
  };

  it.each([
    { description: 'typical filter, bot', input: { is_bot: true, user_name: 'jane' }, expected: true },
    { description: 'typical filter, service account', input: { is_bot: false, user_name: 'svc-ci' }, expected: true },
    { description: 'typical filter, person', input: { is_bot: false, user_name: 'jane' }, expected: false },
    { description: 'typical filter, all missing', input: {}, expected: false },
  ])('is_bot == true || user_name.matches("^svc-"): $description', ({ input, expected }) => {
    expect(filter('is_bot == true || user_name.matches("^svc-")').evaluate(input)).toBe(expected);
  });

  it('a nested key a record lacks gives null and is counted as missing data (info)', () => {
    const tally = new Tally();
    const expr = filter('raw.profile.userType == "Room"');
    expect(expr.evaluate({ raw: { profile: { userType: 'Room' } } }, { tally })).toBe(true);
    expect(expr.evaluate({ raw: { profile: {} } }, { tally, at: { file: 'okta.json', row: 4 } })).toBe(null);
    expect(expr.tryEvaluate({ raw: {} })).toBeInstanceOf(EvalFailure);
    const [issue] = tally.issues();
    expect(issue).toMatchObject({ code: 'expr.missing-field', severity: 'info', count: 1, file: 'okta.json', row: 4 });
    expect(issue.message).toContain('"userType"');
  });

  it('|| absorbs a failing side, as CEL specifies', () => {
    expect(filter('raw.a.b == 1 || x == 2').evaluate({ raw: {}, x: 2 })).toBe(true);
  });

  it('a runtime type error is a counted warning, not an exception', () => {
    const tally = new Tally();
    const result = compileExpression('x + 1', { key: 'sources[0].mapping.n', kind: 'mapping' });
    if (!result.ok) throw new Error(result.issue.message);
    expect(result.expr.evaluate({ x: 'a' }, { tally, at: { file: 'hr.csv', row: 2 } })).toBe(null);
    expect(result.expr.evaluate({ x: 'b' }, { tally, at: { file: 'hr.csv', row: 3 } })).toBe(null);
    const issues = tally.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'expr.runtime', severity: 'warning', count: 2 });
    expect(issues[0].message).toContain('hr.csv rows 2, 3');
  });

  it('a dynamic invalid regex is a counted failure', () => {
    const tally = new Tally();
    expect(filter('matches(x, pattern)').evaluate({ x: 'a', pattern: '(' }, { tally })).toBe(null);
    expect(tally.issues()[0].code).toBe('expr.runtime');
  });

  it('filters see lists: country in [...]', () => {
    const expr = filter('country in ["US", "CA"]');
    expect([expr.evaluate({ country: 'US' }), expr.evaluate({ country: 'DE' }), expr.evaluate({})]).toEqual([true, false, false]);
  });

  it('reports the static type', () => {
    const result = compileExpression('x == 1', { key: 'k', kind: 'rule' });
    expect(result.ok && result.expr.type).toBe('bool');
  });
});

describe('fields named like CEL types', () => {
  it.each([
    { description: 'type', input: 'type == "Room"', expected: 'field("type")' },
    { description: 'duration', input: 'duration > 3', expected: 'field("duration")' },
  ])('$description is reported with the field() spelling', ({ input, expected }) => {
    const result = compileExpression(input, { key: 'k', kind: 'filter' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.issue.code, result.issue.fix]).toEqual(['expr.type-name', expect.stringContaining(expected)]);
  });

  it('type names are fine next to type()', () => {
    expect(compileExpression('type(x) == string', { key: 'k', kind: 'filter' }).ok).toBe(true);
  });
});
