/**
 * JavaScript's `String(number)` for FLOAT64, built from the engine's own shortest
 * round-trip formatting (both BigQuery and DuckDB print the shortest digits that read back
 * to the same double; they differ from JS only in when and how they use exponents).
 *
 * JS rules (ECMA-262 Number::toString): with digits D (k of them) and value 0.D × 10^(e+1),
 * plain notation for 1e-6 <= |x| < 1e21, exponent notation (`1.5e-7`, `1e+21`) otherwise,
 * integers without `.0`, and `NaN`, `Infinity`, `-Infinity`, `0` for -0.
 *
 * Limits: when a double needs all 17 significant digits, several 17-digit strings read
 * back to it; JS prints the one closest to the exact value, DuckDB sometimes another one
 * (e.g. 0.0017383930553198869 for JS's ...867): same double, last digit differs.
 * Relies on the engine printing plain notation only inside JS's plain range
 * (DuckDB: [1e-4, 1e16)); verified against JS on DuckDB, assumed for BigQuery (to be checked
 * by ZetaSQL evaluation).
 */
export interface NumberFormatSql {
  /** CAST(x AS STRING) of a non-negative finite double. */
  text(x: string): string;
  /** The first capture group of `pattern` in `s` ('' when it captured nothing). */
  extract(s: string, pattern: string): string;
  /** Whether `s` matches `pattern` anywhere. */
  matches(s: string, pattern: string): string;
  replace(s: string, pattern: string, rewrite: string): string;
  toInt(s: string): string;
  repeat(s: string, n: string): string;
  length(s: string): string;
  substr(s: string, start: string, length?: string): string;
  concat(parts: readonly string[]): string;
  str(value: string): string;
  isNan(x: string): string;
  infinity(negative: boolean): string;
}

/** SQL computing JS `String(x)` for a FLOAT64 expression `x`. */
export function jsNumberToString(x: string, f: NumberFormatSql): string {
  const s = f.text(`ABS(${x})`);
  const exp = f.toInt(f.extract(s, '[eE]([+-]?[0-9]+)$'));
  const digits = f.concat([f.substr(s, '1', '1'), f.extract(s, '^[0-9][.]?([0-9]*)[eE]')]);
  const expanded =
    `CASE WHEN ${exp} < -6 OR ${exp} > 20 THEN ${f.replace(s, '[eE]([+-])0*([0-9])', 'e\\1\\2')}` +
    ` WHEN ${exp} < 0 THEN ${f.concat([f.str('0.'), f.repeat(f.str('0'), `-${exp} - 1`), digits])}` +
    ` WHEN ${exp} + 1 >= ${f.length(digits)} THEN ${f.concat([digits, f.repeat(f.str('0'), `${exp} + 1 - ${f.length(digits)}`)])}` +
    ` ELSE ${f.concat([f.substr(digits, '1', `${exp} + 1`), f.str('.'), f.substr(digits, `${exp} + 2`)])} END`;
  const magnitude = `CASE WHEN ${f.matches(s, '[eE]')} THEN ${expanded} ELSE ${f.replace(s, '[.]0$', '')} END`;
  return (
    `CASE WHEN ${f.isNan(x)} THEN ${f.str('NaN')}` +
    ` WHEN ${x} = ${f.infinity(false)} THEN ${f.str('Infinity')}` +
    ` WHEN ${x} = ${f.infinity(true)} THEN ${f.str('-Infinity')}` +
    ` WHEN ${x} = 0 THEN ${f.str('0')}` +
    ` WHEN ${x} < 0 THEN ${f.concat([f.str('-'), magnitude])}` +
    ` ELSE ${magnitude} END`
  );
}
