/**
 * to_string / to_float / to_int / to_bool with JavaScript's meaning (String(), Number(),
 * Math.trunc, Boolean()), shared by the dialects through a few spelling callbacks.
 */
import { jsNumberToString, type NumberFormatSql } from './js-number-format.js';
import { JS_WHITESPACE_CLASS } from './js-regex.js';
import { floatConst } from './op-builders.js';
import { paren } from './parens.js';
import type { OpBuilder, OpTable } from './sql-spec.js';

export interface ConversionSql extends NumberFormatSql {
  /** CAST(x AS <type name of kind>). */
  cast(x: string, kind: 'STRING' | 'FLOAT64' | 'INT64'): string;
  trunc(x: string): string;
  /** Date#toISOString of a TIMESTAMP. */
  isoTimestamp(x: string): string;
  /** A `0x…` string as INT64, NULL when it does not fit. */
  hexToInt(s: string): string;
}

const ws = `${JS_WHITESPACE_CLASS}+`;
/**
 * A decimal literal as JS Number() accepts it. Hex (`0x…`) is supported up to 2^63 - 1;
 * larger hex values and the `0o` / `0b` forms give NaN where JS gives a number (documented limit).
 */
const DECIMAL = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';

/** The four conversion entries of a mapping table. */
export function conversionOps(f: ConversionSql): Pick<OpTable, 'to_string' | 'to_float' | 'to_int' | 'to_bool'> {
  const toString: OpBuilder = (call) => {
    const [x] = call.args as [string];
    switch (call.expr.args[0]!.type.kind) {
      case 'STRING':
        return x;
      case 'FLOAT64':
        return jsNumberToString(x, f);
      case 'NUMERIC': // a JS number in lambdas
        return jsNumberToString(f.cast(x, 'FLOAT64'), f);
      case 'TIMESTAMP':
        return f.isoTimestamp(x);
      case 'INT64':
      case 'BOOL': // 'true' / 'false' in both engines
      case 'DATE': // YYYY-MM-DD
        return f.cast(x, 'STRING');
      default:
        return call.fail(`cannot convert ${call.expr.args[0]!.type.kind} to a string`);
    }
  };

  const toFloat: OpBuilder = (call) => {
    const [x] = call.args as [string];
    const { syntax } = call;
    switch (call.expr.args[0]!.type.kind) {
      case 'FLOAT64':
        return x;
      case 'INT64':
      case 'NUMERIC':
        return f.cast(x, 'FLOAT64');
      case 'BOOL':
        return `CASE WHEN ${x} THEN ${floatConst(syntax, 1)} ELSE ${floatConst(syntax, 0)} END`;
      case 'STRING': {
        const t = f.replace(x, `^${ws}|${ws}$`, '');
        return (
          `CASE WHEN ${t} = '' THEN ${floatConst(syntax, 0)}` +
          ` WHEN ${f.matches(t, DECIMAL)} THEN ${f.cast(t, 'FLOAT64')}` +
          ` WHEN ${f.matches(t, '^0[xX][0-9a-fA-F]+$')} THEN COALESCE(${f.cast(f.hexToInt(t), 'FLOAT64')}, ${floatConst(syntax, Number.NaN)})` +
          ` WHEN ${t} IN ('Infinity', '+Infinity') THEN ${f.infinity(false)}` +
          ` WHEN ${t} = '-Infinity' THEN ${f.infinity(true)}` +
          ` ELSE ${floatConst(syntax, Number.NaN)} END`
        );
      }
      default:
        return call.fail(`cannot convert ${call.expr.args[0]!.type.kind} to a number`);
    }
  };

  const toInt: OpBuilder = (call) => {
    const [x] = call.args as [string];
    switch (call.expr.args[0]!.type.kind) {
      case 'INT64':
        return x;
      case 'FLOAT64':
      case 'NUMERIC':
        return f.cast(f.trunc(x), 'INT64');
      case 'BOOL':
        return `CASE WHEN ${x} THEN 1 ELSE 0 END`;
      default:
        return call.fail(`cannot convert ${call.expr.args[0]!.type.kind} to an integer`, 'convert with to_float first');
    }
  };

  const toBool: OpBuilder = (call) => {
    const [x] = call.args as [string];
    switch (call.expr.args[0]!.type.kind) {
      case 'BOOL':
        return x;
      case 'STRING':
        return paren(`${x} <> ''`);
      case 'INT64':
      case 'NUMERIC':
        return paren(`${x} <> 0`);
      case 'FLOAT64':
        return paren(`${x} <> 0 AND NOT ${f.isNan(x)}`);
      default:
        return call.fail(`cannot convert ${call.expr.args[0]!.type.kind} to a boolean`);
    }
  };

  return { to_string: toString, to_float: toFloat, to_int: toInt, to_bool: toBool };
}
