import { expect } from 'chai';
import { build } from '../../fixtures/translate/errors.js';
import { people } from '../../fixtures/translate/schema.js';
import { formatCallSite } from '../../../src/sdk/callsite.js';
import { markers, positionOf, rowOf, show, sluiceError, translator } from './harness.js';

const url = new URL('../../fixtures/translate/errors.ts', import.meta.url).href;
const fixture = build(1);
const at = markers(fixture, url);
const P = [rowOf(people)];
const scalar = (m: string) => () => translator.scalar(at(m), P);
const row = (m: string) => () => translator.row(at(m), P);
const flat = (m: string) => () => translator.flatMap(at(m), P);

/** Asserts the error's message and that it sits exactly at `needle` on the marker's line. */
function expectError(run: () => unknown, marker: string, needle: string, message: RegExp, hint?: RegExp) {
  const err = sluiceError(run);
  const where = positionOf(url, marker, needle);
  expect(err.site, err.message).to.deep.equal(where);
  expect(err.problem).to.match(message);
  if (hint) expect(err.hint ?? '').to.match(hint);
  expect(err.message.startsWith(`${formatCallSite(where)}: `)).to.equal(true);
}

describe('translator: compile errors at the offending construct', () => {
  it('refuses a captured let variable', () => {
    expectError(scalar('let'), 'let', 'mutable)', /'mutable' is a captured mutable variable \(declared with let\)/, /const/);
  });

  it('gives the exact position as numbers too', () => {
    const err = sluiceError(scalar('let'));
    expect(err.site?.line).to.equal(21);
    expect(err.site?.column).to.equal(29);
  });

  it('refuses a captured parameter of an enclosing function', () => {
    expectError(scalar('param'), 'param', 'min)', /'min' is a captured parameter/);
  });

  it('refuses unknown functions and non-deterministic built-ins', () => {
    expectError(row('unknown-fn'), 'unknown-fn', 'external', /unknown function 'external'/, /helper function/);
    expectError(row('date-now'), 'date-now', 'Date.now', /'Date.now' is not supported in lambdas: the clock/);
    expectError(row('random'), 'random', 'Math.random', /'Math.random' is not supported in lambdas: random values/);
  });

  it('reports errors inside inlined helpers at the helper\'s own construct', () => {
    const err = sluiceError(row('loop'));
    expect(err.site?.file).to.match(/fixtures\/translate\/errors\.ts$/);
    expect([err.site?.line, err.site?.column]).to.deep.equal([9, 3]);
    expect(err.problem).to.equal("'let' declares a mutable variable");
  });

  it('refuses recursive helpers at the recursive call', () => {
    const err = sluiceError(row('recursion'));
    expect([err.site?.line, err.site?.column]).to.deep.equal([14, 18]);
    expect(err.problem).to.match(/recursive helper functions cannot be inlined/);
  });

  it('reports an unknown field at the field name', () => {
    expectError(row('unknown-field'), 'unknown-field', 'nmae }', /unknown field 'nmae' on this row/, /id, name, email/);
  });

  it('refuses non-boolean operands of && with a hint to use ?? or ?:', () => {
    expectError(row('non-boolean-and'), 'non-boolean-and', 'r.name &&', /'&&' needs a boolean operand, got 'r.name' \(STRING\)/, /\?\?/);
  });

  it('refuses regex features RE2 lacks and flags with other meanings', () => {
    expectError(row('lookbehind'), 'lookbehind', '/(?<=', /lookahead \/ lookbehind in a regex is not supported by RE2/);
    expectError(row('sticky'), 'sticky', '/a/y', /regex flag 'y' is not supported/);
  });

  it("refuses split('') and non-literal replace patterns", () => {
    expectError(flat('split-empty'), 'split-empty', "''", /split\(''\) splits into UTF-16 code units/);
    expectError(row('replace-nonliteral'), 'replace-nonliteral', 'r.id', /replace\(\) needs a literal string or regex literal pattern/);
  });

  it('refuses comparisons with nullable operands and === on Dates', () => {
    expectError(scalar('nullable-compare'), 'nullable-compare', '(r.n', /comparison with a possibly-null value/, /x !== null/);
    expectError(scalar('date-identity'), 'date-identity', 'r.ts ===', /=== on Date objects compares identity/, /getTime/);
  });

  it('refuses unsupported methods with the reason, and unknown properties with the alternatives', () => {
    expectError(row('refused-method'), 'refused-method', 'at(', /the method 'at' of a STRING value is not supported: indexes UTF-16 code units/, /slice/);
    expectError(row('unknown-property'), 'unknown-property', 'constructor', /the property 'constructor' of a STRING value is not supported/, /supported: length/);
  });

  it('refuses assignments at the operator', () => {
    expectError(row('assign'), 'assign', '= 4', /the operator '=' is not supported: lambdas must be pure/, /return a new object/);
  });

  it('refuses === null where the value may be undefined (from ?.)', () => {
    expectError(row('undefined-null'), 'undefined-null', 'r.email?.trim() ===', /may be undefined as well as null/, /== null/);
  });

  it('refuses Dates in template literals (local-time formatting)', () => {
    expectError(row('date-template'), 'date-template', 'r.ts}', /a Date converts to a local-time string/);
  });

  it('requires map lambdas to return objects', () => {
    expectError(row('not-object'), 'not-object', 'r.name as', /must return an object literal of columns, got 'r.name'/);
  });

  it('still translates valid control flow in the same fixture', () => {
    expect(show(translator.scalar(at('ok-control'), P))).to.equal('case(contains($name, $email) ? $active : not($active))');
  });
});
