/**
 * THE supported subset of JavaScript in lambdas: one row per construct, with its
 * documentation and the handler the dispatcher calls. docs/expressions.md is generated from
 * this table (see docs.ts); anything not listed here is a compile error.
 */
import { SyntaxKind } from 'ts-morph';
import type { Entry } from './context.js';
import * as arith from './handlers/arithmetic.js';
import * as bind from './handlers/bindings.js';
import * as body from './handlers/body.js';
import * as cmp from './handlers/compare.js';
import * as conv from './handlers/convert.js';
import * as literals from './handlers/literals.js';
import * as logic from './handlers/logic.js';
import * as math from './handlers/math.js';
import { desc } from './handlers/ordering.js';
import * as re from './handlers/regexes.js';
import * as route from './handlers/routing.js';
import * as str from './handlers/strings.js';
import * as data from './handlers/structures.js';
import * as time from './handlers/time.js';

const S = SyntaxKind;

export const TABLE: readonly Entry[] = [
  // ---- lambda forms (handled by shapes.ts) ----
  { kind: 'form', name: 'row-param', section: 'Rows and bindings', construct: 'Row parameter', example: 'r => r.email', sql: "col (rel 'left' / 'right' in joins)", notes: 'A field that is not in the row is an error at the field name.' },
  { kind: 'form', name: 'destructure', section: 'Rows and bindings', construct: 'Destructured parameter', example: '({ email, id: customerId, ...rest }) => ...', sql: 'col per field; `...rest` is the remaining row', notes: 'No defaults, no array patterns.' },
  { kind: 'form', name: 'map-row', section: 'Rows and bindings', construct: 'Returned object (map, join select)', example: 'r => ({ ...r, email: r.email?.trim() ?? null })', sql: 'one output column per key', notes: 'Spreads expand to the row\'s fields; a later key overrides an earlier one in place, keeping its position (JavaScript key order). Integer-like and computed keys are refused.' },
  { kind: 'form', name: 'key', section: 'Rows and bindings', construct: 'Keys (groupBy, dedupe, partitionBy, sessionize)', example: 'r => ({ country: r.country, day: time.truncDay(r.ts) })', sql: 'named keys; any non-object value is one key named `key`', notes: 'An object-typed value (a row or STRUCT) spreads into named keys, as the SDK does at run time.' },
  { kind: 'form', name: 'ordering', section: 'Ordering', construct: 'Ordering lambda', example: 'r => [desc(r.updated_at), r.id]', sql: 'ORDER BY items left to right', notes: 'One key or an array literal of keys.' },
  { kind: 'form', name: 'flatmap-map', section: 'Arrays and objects', construct: 'flatMap over an array', example: "r => r.s.split(',').map((x, i) => ({ id: r.id, part: x, pos: i }))", sql: 'UNNEST: x is elem, i is elem_offset (0-based)', notes: 'The callback must return an object literal; element fields are read with field(elem).' },
  { kind: 'form', name: 'flatmap-array', section: 'Arrays and objects', construct: 'flatMap to a literal array of rows', example: "r => [{ kind: 'a', v: r.a }, { kind: 'b', v: r.b }]", sql: 'UNNEST of an ARRAY of STRUCTs; columns read field(elem, name)', notes: 'Every object must have the same keys; value types are unified per key. `?? []` around the array is allowed.' },
  { kind: 'form', name: 'block-body', section: 'Function bodies', construct: 'Block bodies', example: 'r => { const d = r.a - r.b; if (d < 0) return 0; return d; }', sql: 'inlined; if/return becomes CASE', notes: 'Only const declarations, if statements whose branches return, and return.' },

  // ---- literals ----
  { kind: 'syntax', syntax: S.StringLiteral, translate: literals.stringLiteral, section: 'Literals', construct: 'String literal', example: "'crm'", sql: 'STRING literal' },
  { kind: 'syntax', syntax: S.NoSubstitutionTemplateLiteral, translate: literals.stringLiteral, section: 'Literals', construct: 'Template literal without substitutions', example: '`crm`', sql: 'STRING literal' },
  { kind: 'syntax', syntax: S.NumericLiteral, translate: literals.numericLiteral, section: 'Literals', construct: 'Number literal', example: '100, 0.5', sql: 'INT64 literal for safe integers, FLOAT64 otherwise' },
  { kind: 'syntax', syntax: S.TrueKeyword, translate: literals.trueLiteral, section: 'Literals', construct: 'true', example: 'true', sql: 'BOOL literal' },
  { kind: 'syntax', syntax: S.FalseKeyword, translate: literals.falseLiteral, section: 'Literals', construct: 'false', example: 'false', sql: 'BOOL literal' },
  { kind: 'syntax', syntax: S.NullKeyword, translate: literals.nullLiteral, section: 'Literals', construct: 'null', example: 'null', sql: 'NULL, typed by what it meets (?:, ??, object values)', notes: '`undefined` is refused: write null.' },
  { kind: 'syntax', syntax: S.TemplateExpression, translate: literals.templateLiteral, section: 'Literals', construct: 'Template literal', example: '`${r.first} ${r.last}`', sql: 'concat of the parts; numbers via to_string', notes: 'A null part prints "null", as in JavaScript (coalesce(x, \'null\')). Dates are refused (local-time formatting).' },
  { kind: 'syntax', syntax: S.RegularExpressionLiteral, translate: literals.regexLiteral, section: 'Regular expressions', construct: 'Regex literal', example: '/^[a-z]+@/i', sql: 'RE2 pattern literal', notes: 'Rewritten to RE2 with JS meaning: \\s and . use JavaScript\'s character sets, \\uXXXX becomes \\x{XXXX}, (?<n>) becomes (?P<n>). Flags g and i only; lookaround, backreferences, \\S inside classes, [^] and [] are refused.' },
  { kind: 'function', name: 'new Date', translate: time.newDate, section: 'Literals', construct: 'Date literal', example: "new Date('2024-01-01T00:00:00Z')", sql: 'TIMESTAMP literal (parsed by JavaScript at compile time)', notes: 'Date-times without a zone are refused (JavaScript reads them in local time). new Date() without arguments is refused.' },
  { kind: 'constant', name: 'Math.PI', value: math.PI, section: 'Math', construct: 'Math.PI', example: 'Math.PI * r.radius ** 2', sql: 'FLOAT64 literal' },
  { kind: 'constant', name: 'Math.E', value: math.E, section: 'Math', construct: 'Math.E', example: 'Math.E', sql: 'FLOAT64 literal' },

  // ---- rows and bindings ----
  { kind: 'syntax', syntax: S.Identifier, translate: route.identifier, section: 'Rows and bindings', construct: 'Names', example: 'r, email, MIN_AMOUNT', sql: 'parameters and local consts by scope; outer names statically', notes: 'A captured let/var, a parameter of an enclosing function, or anything that is not a const is an error.' },
  { kind: 'syntax', syntax: S.PropertyAccessExpression, translate: route.propertyAccess, section: 'Rows and bindings', construct: 'Field access, optional chaining', example: 'r.email, r.address?.city', sql: 'col / field of a STRUCT; ?. is SQL NULL propagation', notes: 'Every op is NULL-in/NULL-out on its receiver, so a ?. chain short-circuits like JavaScript.' },
  { kind: 'syntax', syntax: S.ElementAccessExpression, translate: route.elementAccess, section: 'Arrays and objects', construct: 'Index access', example: "r.parts[0], r['email']", sql: 'array_at (0-based, NULL when out of range); a literal key is a field', notes: 'Negative literal indices are refused (undefined in JavaScript).' },
  { kind: 'binding', name: 'const', translate: bind.constBinding, section: 'Rows and bindings', construct: 'Outer const', example: "const MIN = 10; const KINDS = ['a', 'b'] as const; ... r.n >= MIN", sql: 'the initializer, translated statically (literals, arrays, objects, expressions of them)', notes: 'Any module of the project, also imported. Constant arrays and objects are assumed not to be mutated (mark them `as const`).' },
  { kind: 'binding', name: 'enum', translate: bind.enumBinding, section: 'Rows and bindings', construct: 'Enum member', example: 'r.status === Status.Active', sql: 'literal of the member value' },
  { kind: 'binding', name: 'helper', translate: bind.helperBinding, section: 'Function bodies', construct: 'Helper function call', example: 'normEmail(r.email)', sql: 'the helper\'s body, inlined with parameters bound to the arguments', notes: 'Function declarations or const arrow functions of the project, recursively; recursion is refused. Defaults for missing arguments are supported.' },
  { kind: 'syntax', syntax: S.ParenthesizedExpression, translate: route.transparent, section: 'Rows and bindings', construct: 'Parentheses', example: '(a + b) * c', sql: 'grouping' },
  { kind: 'syntax', syntax: S.AsExpression, translate: route.transparent, section: 'Rows and bindings', construct: 'Type assertion', example: 'r.kind as Kind, [..] as const', sql: 'no effect' },
  { kind: 'syntax', syntax: S.SatisfiesExpression, translate: route.transparent, section: 'Rows and bindings', construct: 'satisfies', example: 'x satisfies T', sql: 'no effect' },
  { kind: 'syntax', syntax: S.TypeAssertionExpression, translate: route.transparent, section: 'Rows and bindings', construct: 'Angle-bracket assertion', example: '<number>x', sql: 'no effect' },
  { kind: 'syntax', syntax: S.NonNullExpression, translate: logic.nonNull, section: 'Logic and nulls', construct: 'Non-null assertion', example: 'r.email!', sql: 'the value; its type becomes non-null', notes: 'An assertion: if the value is null after all, SQL keeps NULL where JavaScript would throw or coerce.' },
  { kind: 'syntax', syntax: S.CallExpression, translate: route.call, section: 'Rows and bindings', construct: 'Calls', example: 's.trim(), Math.abs(x), time.year(ts), helper(x)', sql: 'dispatched to the method / function rows of this table' },
  { kind: 'syntax', syntax: S.NewExpression, translate: route.newExpression, section: 'Literals', construct: 'new', example: "new Date('2024-01-01')", sql: 'only new Date(<literal>)' },
  { kind: 'syntax', syntax: S.BinaryExpression, translate: route.binary, section: 'Arithmetic', construct: 'Binary operators', example: 'a + b', sql: 'dispatched to the operator rows of this table' },
  { kind: 'syntax', syntax: S.PrefixUnaryExpression, translate: route.prefix, section: 'Arithmetic', construct: 'Prefix operators', example: '-x, !b', sql: 'dispatched to the operator rows of this table' },
  { kind: 'syntax', syntax: S.ConditionalExpression, translate: logic.conditional, section: 'Logic and nulls', construct: 'Conditional', example: "r.vip ? 'gold' : 'basic'", sql: 'CASE WHEN c THEN a ELSE b END', notes: 'The condition must be boolean; a NULL condition takes the else branch, as a falsy value does in JavaScript.' },
  { kind: 'syntax', syntax: S.ObjectLiteralExpression, translate: data.objectLiteral, section: 'Arrays and objects', construct: 'Object literal', example: '{ city: r.city, zip: r.zip }', sql: 'STRUCT (as a value); output columns (as a map result)', notes: 'Spreads follow JavaScript key order; methods, getters and computed keys are refused.' },
  { kind: 'syntax', syntax: S.ArrayLiteralExpression, translate: data.arrayLiteral, section: 'Arrays and objects', construct: 'Array literal', example: '[r.a, r.b]', sql: 'ARRAY', notes: 'Elements may not be NULL (BigQuery arrays cannot hold NULL); empty literals need a type and are refused.' },

  // ---- arithmetic ----
  { kind: 'binary', operator: '+', translate: arith.plus, section: 'Arithmetic', construct: 'Addition / concatenation', example: "r.a + r.b, r.first + ' ' + r.last", sql: 'add, or concat when either side is a string (decided by the checker)', notes: 'INT64 + INT64 is INT64, anything with FLOAT64 is FLOAT64. In a concatenation numbers go through to_string and null prints "null".' },
  { kind: 'binary', operator: '-', translate: arith.minus, section: 'Arithmetic', construct: 'Subtraction', example: 'r.a - r.b', sql: 'sub' },
  { kind: 'binary', operator: '*', translate: arith.times, section: 'Arithmetic', construct: 'Multiplication', example: 'r.amount * 100', sql: 'mul' },
  { kind: 'binary', operator: '/', translate: arith.divide, section: 'Arithmetic', construct: 'Division', example: 'r.cents / 100', sql: 'div: IEEE division, always FLOAT64', notes: 'x / 0 is ±Infinity or NaN as in JavaScript, never an error.' },
  { kind: 'binary', operator: '%', translate: arith.remainder, section: 'Arithmetic', construct: 'Remainder', example: 'r.id % 10', sql: 'mod: sign of the dividend', notes: 'INT64 only with a non-zero literal divisor; otherwise FLOAT64 (x % 0 is NaN in JavaScript).' },
  { kind: 'binary', operator: '**', translate: arith.power, section: 'Arithmetic', construct: 'Exponent', example: 'r.x ** 2', sql: 'pow (FLOAT64)' },
  { kind: 'prefix', operator: '-', translate: arith.negate, section: 'Arithmetic', construct: 'Negation', example: '-r.amount', sql: 'neg' },

  // ---- comparison ----
  { kind: 'binary', operator: '<', translate: cmp.ordered('lt'), section: 'Comparison', construct: 'Less than', example: 'r.amount < 0', sql: 'lt', notes: 'Operands of the same kind only; a nullable operand is refused (JavaScript compares null as 0). A DATE compared with a string literal uses a DATE literal.' },
  { kind: 'binary', operator: '<=', translate: cmp.ordered('le'), section: 'Comparison', construct: 'Less or equal', example: 'r.a <= r.b', sql: 'le' },
  { kind: 'binary', operator: '>', translate: cmp.ordered('gt'), section: 'Comparison', construct: 'Greater than', example: "r.day > '2024-01-01'", sql: 'gt' },
  { kind: 'binary', operator: '>=', translate: cmp.ordered('ge'), section: 'Comparison', construct: 'Greater or equal', example: 'r.ts >= new Date(\'2024-01-01T00:00:00Z\')', sql: 'ge' },
  { kind: 'binary', operator: '===', translate: cmp.strictEquality(false), section: 'Comparison', construct: 'Strict equality', example: "r.kind === 'a', r.email === null", sql: 'eq; not_distinct when an operand is nullable; is_null against null', notes: "null === null is true in JavaScript, hence IS NOT DISTINCT FROM. `x === null` is refused when x may also be undefined (use `x == null`). Dates are refused (=== compares object identity): compare getTime()." },
  { kind: 'binary', operator: '!==', translate: cmp.strictEquality(true), section: 'Comparison', construct: 'Strict inequality', example: 'r.email !== null', sql: 'neq; is_distinct when an operand is nullable; is_not_null against null' },
  { kind: 'binary', operator: '==', translate: cmp.looseEquality(false), section: 'Comparison', construct: 'Loose equality with null', example: 'r.email == null', sql: 'is_null (null and undefined)', notes: 'Only against null / undefined; otherwise use ===.' },
  { kind: 'binary', operator: '!=', translate: cmp.looseEquality(true), section: 'Comparison', construct: 'Loose inequality with null', example: 'r.email != null', sql: 'is_not_null' },

  // ---- logic and nulls ----
  { kind: 'binary', operator: '&&', translate: logic.and, section: 'Logic and nulls', construct: 'And', example: 'r.active && r.amount > 0', sql: 'and; CASE when the left side is nullable', notes: 'Boolean operands only (JavaScript would return a non-boolean operand itself). null && false is null in JavaScript but FALSE in SQL, so a nullable left side is spelled out. Narrows like TypeScript: in x !== null && x > 5 the right side sees x as non-null (also x === null || ..., the branches of ?:, and the code after if (x === null) return ...).' },
  { kind: 'binary', operator: '||', translate: logic.or, section: 'Logic and nulls', construct: 'Or', example: "r.amount >= 0 || r.kind === 'return'", sql: 'or; CASE when the left side is nullable', notes: 'Boolean operands only. null || false is false in JavaScript but NULL in SQL, so a nullable left side is spelled out.' },
  { kind: 'prefix', operator: '!', translate: logic.not, section: 'Logic and nulls', construct: 'Not', example: '!r.deleted', sql: 'not; not(coalesce(x, false)) for a nullable x', notes: 'Boolean operands only; !null is true in JavaScript.' },
  { kind: 'binary', operator: '??', translate: logic.nullish, section: 'Logic and nulls', construct: 'Nullish coalescing', example: "r.nickname ?? r.name ?? 'unknown'", sql: 'coalesce', notes: 'Non-null when either side is non-null.' },

  // ---- math ----
  { kind: 'function', name: 'Math.abs', translate: math.sameType('abs', 'abs'), section: 'Math', construct: 'Math.abs', example: 'Math.abs(r.delta)', sql: 'abs', notes: 'Arguments of Math functions may not be null (JavaScript coerces null to 0).' },
  { kind: 'function', name: 'Math.sign', translate: math.sameType('sign', 'sign'), section: 'Math', construct: 'Math.sign', example: 'Math.sign(r.delta)', sql: 'sign' },
  { kind: 'function', name: 'Math.round', translate: math.rounding('round_half_up', 'round'), section: 'Math', construct: 'Math.round', example: 'Math.round(r.x)', sql: 'round_half_up (halves toward +Infinity); identity on INT64', notes: 'SQL ROUND rounds halves away from zero: Math.round(-2.5) is -2.' },
  { kind: 'function', name: 'Math.floor', translate: math.rounding('floor', 'floor'), section: 'Math', construct: 'Math.floor', example: 'Math.floor(r.x)', sql: 'floor (FLOAT64); identity on INT64' },
  { kind: 'function', name: 'Math.ceil', translate: math.rounding('ceil', 'ceil'), section: 'Math', construct: 'Math.ceil', example: 'Math.ceil(r.x)', sql: 'ceil (FLOAT64); identity on INT64' },
  { kind: 'function', name: 'Math.trunc', translate: math.rounding('trunc', 'trunc'), section: 'Math', construct: 'Math.trunc', example: 'Math.trunc(r.x)', sql: 'trunc (toward zero, FLOAT64); identity on INT64' },
  { kind: 'function', name: 'Math.min', translate: math.extreme('least', 'min'), section: 'Math', construct: 'Math.min', example: 'Math.min(r.a, r.b, 100)', sql: 'least (NaN wins, as in JavaScript)' },
  { kind: 'function', name: 'Math.max', translate: math.extreme('greatest', 'max'), section: 'Math', construct: 'Math.max', example: 'Math.max(r.a, 0)', sql: 'greatest (NaN wins, as in JavaScript)' },
  { kind: 'function', name: 'Math.pow', translate: math.floating('pow', 'pow', 2), section: 'Math', construct: 'Math.pow', example: 'Math.pow(r.x, 2)', sql: 'pow (FLOAT64)' },
  { kind: 'function', name: 'Math.sqrt', translate: math.floating('sqrt', 'sqrt', 1), section: 'Math', construct: 'Math.sqrt', example: 'Math.sqrt(r.x)', sql: 'sqrt (FLOAT64; NaN for negative input, as in JavaScript)' },

  // ---- conversions ----
  { kind: 'function', name: 'Number', translate: conv.numberOf, section: 'Conversions', construct: 'Number(x)', example: 'Number(r.flag), Number(r.text)', sql: 'identity on numbers; to_int on BOOL; to_float on STRING (JavaScript parsing)', notes: 'Nullable arguments are refused (Number(null) is 0).' },
  { kind: 'function', name: 'String', translate: conv.stringOf, section: 'Conversions', construct: 'String(x)', example: 'String(r.id)', sql: "to_string (JavaScript number formatting); coalesce(.., 'null') for nullable values", notes: 'Timestamps are refused (local-time formatting in JavaScript).' },
  { kind: 'function', name: 'Boolean', translate: conv.booleanOf, section: 'Conversions', construct: 'Boolean(x)', example: 'Boolean(r.note)', sql: "JavaScript truthiness: non-null and != '' / to_bool for numbers" },
  { kind: 'method', on: 'number', name: 'toString', translate: (m, cx) => conv.toStringMethod(m.receiver, m.call, m.args, cx), section: 'Conversions', construct: 'n.toString()', example: 'r.id.toString()', sql: 'to_string', notes: 'No radix.' },
  { kind: 'method', on: 'boolean', name: 'toString', translate: (m, cx) => conv.toStringMethod(m.receiver, m.call, m.args, cx), section: 'Conversions', construct: 'b.toString()', example: 'r.active.toString()', sql: "to_string ('true' / 'false')" },

  // ---- strings ----
  { kind: 'property', on: 'string', name: 'length', translate: str.length, section: 'Strings', construct: 's.length', example: 'r.code.length', sql: 'utf16_length (UTF-16 code units, as in JavaScript)' },
  { kind: 'method', on: 'string', name: 'toLowerCase', translate: str.unary('lower', 'toLowerCase'), section: 'Strings', construct: 'toLowerCase', example: 'r.email.toLowerCase()', sql: 'lower' },
  { kind: 'method', on: 'string', name: 'toUpperCase', translate: str.unary('upper', 'toUpperCase'), section: 'Strings', construct: 'toUpperCase', example: 'r.country.toUpperCase()', sql: 'upper' },
  { kind: 'method', on: 'string', name: 'trim', translate: str.unary('trim', 'trim'), section: 'Strings', construct: 'trim', example: 'r.name.trim()', sql: 'trim (JavaScript whitespace, not only spaces)' },
  { kind: 'method', on: 'string', name: 'trimStart', translate: str.unary('trim_start', 'trimStart'), section: 'Strings', construct: 'trimStart', example: 'r.name.trimStart()', sql: 'trim_start' },
  { kind: 'method', on: 'string', name: 'trimEnd', translate: str.unary('trim_end', 'trimEnd'), section: 'Strings', construct: 'trimEnd', example: 'r.name.trimEnd()', sql: 'trim_end' },
  { kind: 'method', on: 'string', name: 'includes', translate: str.predicate('contains', 'includes'), section: 'Strings', construct: 'includes', example: "r.email.includes('@')", sql: 'contains', notes: 'No position argument. Arguments may not be null (JavaScript would search for "null").' },
  { kind: 'method', on: 'string', name: 'startsWith', translate: str.predicate('starts_with', 'startsWith'), section: 'Strings', construct: 'startsWith', example: "r.phone.startsWith('+31')", sql: 'starts_with' },
  { kind: 'method', on: 'string', name: 'endsWith', translate: str.predicate('ends_with', 'endsWith'), section: 'Strings', construct: 'endsWith', example: "r.email.endsWith('.nl')", sql: 'ends_with' },
  { kind: 'method', on: 'string', name: 'indexOf', translate: str.indexOf, section: 'Strings', construct: 'indexOf', example: "r.email.indexOf('@')", sql: 'strpos - 1 (-1 when absent)' },
  { kind: 'method', on: 'string', name: 'slice', translate: str.slice, section: 'Strings', construct: 'slice', example: 'r.code.slice(0, 3), r.code.slice(-2)', sql: 'substr with JavaScript index rules', notes: 'Negative indices count from the end, an end before the start gives \'\'. Literal indices fold to constants; INT64 indices get a CASE for the negative case; FLOAT64 indices are refused.' },
  { kind: 'method', on: 'string', name: 'substring', translate: str.substring, section: 'Strings', construct: 'substring', example: 'r.code.substring(1, 4)', sql: 'substr with JavaScript index rules', notes: 'Negative indices become 0 and swapped bounds are swapped, as in JavaScript.' },
  { kind: 'method', on: 'string', name: 'replace', translate: str.replace, section: 'Strings', construct: 'replace', example: "r.phone.replace(/[^0-9]/g, ''), r.s.replace('-', '')", sql: 'regexp_replace (global from the regex g flag; a string pattern is escaped and replaces the first occurrence only)', notes: 'Pattern and replacement must be literals. The replacement keeps JavaScript syntax ($&, $1..$99, $$); $`, $\' and $<name> are refused.' },
  { kind: 'method', on: 'string', name: 'replaceAll', translate: str.replaceAll, section: 'Strings', construct: 'replaceAll', example: "r.s.replaceAll('-', '')", sql: 'replace_all; regexp_replace for regexes or replacements with $', notes: 'An empty string pattern is refused.' },
  { kind: 'method', on: 'string', name: 'split', translate: str.split, section: 'Strings', construct: 'split', example: "r.tags.split(',')", sql: 'split (ARRAY<STRING>)', notes: "Literal non-empty separator only; split('') and regex separators are refused. ''.split(',') is [''] as in JavaScript." },
  { kind: 'method', on: 'string', name: 'padStart', translate: str.pad('lpad', 'padStart'), section: 'Strings', construct: 'padStart', example: "String(r.n).padStart(5, '0')", sql: 'lpad, only when shorter (JavaScript never truncates)', notes: 'The fill must be a literal.' },
  { kind: 'method', on: 'string', name: 'padEnd', translate: str.pad('rpad', 'padEnd'), section: 'Strings', construct: 'padEnd', example: "r.code.padEnd(8, '_')", sql: 'rpad, only when shorter' },
  { kind: 'method', on: 'string', name: 'toString', translate: str.identity, section: 'Strings', construct: 's.toString()', example: 'r.s.toString()', sql: 'the string' },
  { kind: 'regex', name: 'test', translate: re.test, section: 'Regular expressions', construct: 're.test(s)', example: '/^\\d{4}$/.test(r.zip)', sql: 'regexp_contains', notes: 'The g flag is refused (lastIndex state); a nullable argument is refused (tests the text "null").' },

  // ---- arrays ----
  { kind: 'method', on: 'array', name: 'includes', translate: data.includes, section: 'Arrays and objects', construct: 'includes', example: "['a', 'b'].includes(r.kind), KINDS.includes(r.kind), r.tags.includes('x')", sql: 'in for literal lists, array_contains otherwise; false for a null value', notes: 'A null value is never included (arrays hold no NULL), as in JavaScript.' },
  { kind: 'property', on: 'array', name: 'length', translate: data.arrayLength, section: 'Arrays and objects', construct: 'arr.length', example: 'r.tags.length', sql: 'array_length' },

  // ---- timestamps ----
  { kind: 'function', name: 'time.truncDay', translate: time.timeHelper('trunc_day', 'truncDay', ['ts'], time.tsResult), section: 'Timestamps', construct: 'time.truncDay', example: 'time.truncDay(r.ts)', sql: 'trunc_day (UTC)' },
  { kind: 'function', name: 'time.truncWeek', translate: time.timeHelper('trunc_week', 'truncWeek', ['ts'], time.tsResult), section: 'Timestamps', construct: 'time.truncWeek', example: 'time.truncWeek(r.ts)', sql: 'trunc_week (ISO week, Monday, UTC)' },
  { kind: 'function', name: 'time.truncMonth', translate: time.timeHelper('trunc_month', 'truncMonth', ['ts'], time.tsResult), section: 'Timestamps', construct: 'time.truncMonth', example: 'time.truncMonth(r.ts)', sql: 'trunc_month (UTC)' },
  { kind: 'function', name: 'time.diffSeconds', translate: time.timeHelper('diff_seconds', 'diffSeconds', ['ts', 'ts'], time.intResult), section: 'Timestamps', construct: 'time.diffSeconds', example: 'time.diffSeconds(r.end, r.start)', sql: 'diff_seconds (truncated toward zero)' },
  { kind: 'function', name: 'time.diffDays', translate: time.timeHelper('diff_days', 'diffDays', ['ts', 'ts'], time.intResult), section: 'Timestamps', construct: 'time.diffDays', example: 'time.diffDays(r.end, r.start)', sql: 'diff_days (whole 24-hour days, truncated toward zero)' },
  { kind: 'function', name: 'time.addSeconds', translate: time.timeHelper('add_seconds', 'addSeconds', ['ts', 'int'], time.tsResult), section: 'Timestamps', construct: 'time.addSeconds', example: 'time.addSeconds(r.ts, 3600)', sql: 'add_seconds', notes: 'The seconds must be INT64.' },
  { kind: 'function', name: 'time.year', translate: time.timeHelper('year', 'year', ['ts'], time.intResult), section: 'Timestamps', construct: 'time.year', example: 'time.year(r.ts)', sql: 'year (UTC)' },
  { kind: 'function', name: 'time.month', translate: time.timeHelper('month', 'month', ['ts'], time.intResult), section: 'Timestamps', construct: 'time.month', example: 'time.month(r.ts)', sql: 'month 1–12 (UTC)' },
  { kind: 'function', name: 'time.dayOfMonth', translate: time.timeHelper('day_of_month', 'dayOfMonth', ['ts'], time.intResult), section: 'Timestamps', construct: 'time.dayOfMonth', example: 'time.dayOfMonth(r.ts)', sql: 'day_of_month (UTC)' },
  { kind: 'function', name: 'time.isoDayOfWeek', translate: time.timeHelper('iso_day_of_week', 'isoDayOfWeek', ['ts'], time.intResult), section: 'Timestamps', construct: 'time.isoDayOfWeek', example: 'time.isoDayOfWeek(r.ts)', sql: 'iso_day_of_week (Monday 1 … Sunday 7)' },
  { kind: 'function', name: 'time.hour', translate: time.timeHelper('hour', 'hour', ['ts'], time.intResult), section: 'Timestamps', construct: 'time.hour', example: 'time.hour(r.ts)', sql: 'hour (UTC)' },
  { kind: 'function', name: 'time.toDate', translate: time.timeHelper('to_date', 'toDate', ['ts'], time.dateResult), section: 'Timestamps', construct: 'time.toDate', example: 'time.toDate(r.ts)', sql: 'to_date (DATE, UTC)' },
  { kind: 'function', name: 'time.unixSeconds', translate: time.timeHelper('unix_seconds', 'unixSeconds', ['ts'], time.intResult), section: 'Timestamps', construct: 'time.unixSeconds', example: 'time.unixSeconds(r.ts)', sql: 'unix_seconds (truncated toward zero)' },
  { kind: 'method', on: 'date', name: 'getTime', translate: time.getTime, section: 'Timestamps', construct: 'ts.getTime()', example: 'r.a.getTime() === r.b.getTime()', sql: 'unix_millis (INT64 milliseconds)', notes: 'SQL keeps microseconds; they are truncated toward -Infinity, as a JavaScript Date holds them.' },

  // ---- ordering ----
  { kind: 'function', name: 'desc', translate: desc, section: 'Ordering', construct: 'desc(x)', example: 'r => desc(r.updated_at)', sql: 'DESC (NULLs last; ascending keys put NULLs first)', notes: 'Only at the top of an ordering lambda or its array.' },

  // ---- function bodies ----
  { kind: 'statement', syntax: S.VariableStatement, translate: body.constStatement, section: 'Function bodies', construct: 'const declaration', example: 'const full = `${r.first} ${r.last}`;', sql: 'inlined where used', notes: 'let / var are refused. Object destructuring works as for parameters.' },
  { kind: 'statement', syntax: S.IfStatement, translate: body.ifStatement, section: 'Function bodies', construct: 'if / else with returns', example: "if (r.amount > 100) return 'gold'; return 'basic';", sql: 'CASE (field by field when the branches return objects)', notes: 'Every branch must end in return.' },
  { kind: 'statement', syntax: S.ReturnStatement, translate: body.returnStatement, section: 'Function bodies', construct: 'return', example: 'return r.a + r.b;', sql: 'the value' },
];
