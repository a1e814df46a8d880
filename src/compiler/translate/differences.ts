/**
 * Every known difference between JavaScript semantics (the specification: the DirectRunner
 * runs the lambdas) and SQL, and how Sluice resolves it. Rendered into docs/expressions.md.
 */
export type Resolution = 'reproduced' | 'refused' | 'documented';

export interface Difference {
  readonly topic: string;
  readonly js: string;
  readonly sql: string;
  readonly resolution: Resolution;
  readonly how: string;
}

export const DIFFERENCES: readonly Difference[] = [
  { topic: 'Equality with null', js: 'null === null is true', sql: 'NULL = NULL is NULL', resolution: 'reproduced', how: '=== on a nullable operand is IS NOT DISTINCT FROM; x === null is IS NULL.' },
  { topic: 'null vs undefined', js: 'null !== undefined (e.g. the result of ?.)', sql: 'both are NULL', resolution: 'refused', how: '`x === null` where x may be undefined (and vice versa) is refused with a hint to use `x == null`.' },
  { topic: 'Boolean logic with null', js: 'null && false is null; null || false is false; !null is true', sql: 'NULL AND FALSE is FALSE; NULL OR FALSE is NULL; NOT NULL is NULL', resolution: 'reproduced', how: 'A nullable left operand of && / || gets an explicit CASE; ! coalesces to false first.' },
  { topic: 'Truthiness', js: "&&, ||, ?:, ! accept any value ('' and 0 are falsy)", sql: 'conditions must be BOOL', resolution: 'refused', how: 'Non-boolean operands and conditions are refused, with a hint to compare explicitly or use ??.' },
  { topic: 'Arithmetic with null', js: 'null + 1 is 1; null < 1 is true', sql: 'NULL', resolution: 'refused', how: 'Arithmetic, comparisons and Math functions refuse possibly-null operands (the checker already rejects most).' },
  { topic: 'String concatenation with null', js: "'a' + null is 'anull'", sql: 'CONCAT with NULL is NULL', resolution: 'reproduced', how: "Nullable parts of +, template literals and String() are coalesce(x, 'null')." },
  { topic: 'Division', js: 'x / 0 is ±Infinity or NaN; 7 / 2 is 3.5', sql: 'error on zero; integer division in some engines', resolution: 'reproduced', how: 'The div op is IEEE division, always FLOAT64.' },
  { topic: 'Remainder', js: 'sign of the dividend; x % 0 is NaN', sql: 'MOD errors on zero (BigQuery)', resolution: 'reproduced', how: 'mod keeps the dividend\'s sign; the result is FLOAT64 (IEEE) unless the divisor is a non-zero literal.' },
  { topic: 'Rounding halves', js: 'Math.round(-2.5) is -2 (toward +Infinity)', sql: 'ROUND(-2.5) is -3 (away from zero)', resolution: 'reproduced', how: 'Math.round is the round_half_up op.' },
  { topic: 'NaN in min / max', js: 'Math.min(NaN, 1) is NaN', sql: 'LEAST ignores or orders NaN differently per engine', resolution: 'reproduced', how: 'least / greatest are specified with JavaScript\'s NaN rule; dialects implement it.' },
  { topic: 'Square root of negatives, pow', js: 'Math.sqrt(-1) is NaN; (-8) ** (1/3) is NaN', sql: 'errors in BigQuery', resolution: 'reproduced', how: 'sqrt is specified as NaN for negative input. pow of a negative base with a fractional exponent may still raise an error in BigQuery.' },
  { topic: 'Integers beyond 2^53', js: 'numbers lose precision above ±2^53', sql: 'INT64 is exact up to ±2^63 and overflows with an error', resolution: 'documented', how: 'INT64 arithmetic stays INT64; results that exceed 2^53 are exact in SQL but rounded in JavaScript. Keep large identifiers as STRING.' },
  { topic: 'NUMERIC precision', js: 'binary doubles', sql: '38 digits, 9 decimals', resolution: 'documented', how: 'NUMERIC arithmetic is exact in SQL; the JavaScript runner rounds.' },
  { topic: 'NaN equality', js: 'NaN === NaN is false', sql: 'engines differ (DuckDB treats NaN as equal)', resolution: 'reproduced', how: 'eq / in are specified as IEEE comparisons; dialects must honour it.' },
  { topic: 'Number to string', js: 'shortest round-trip form: 0.1, 1e+21, -0 → "0"', sql: 'CAST formats differ per engine', resolution: 'reproduced', how: 'to_string is specified with JavaScript formatting; dialects implement it or refuse.' },
  { topic: 'String to number', js: "Number('') is 0; Number(' 1 ') is 1; Number('x') is NaN", sql: 'CAST errors, SAFE_CAST gives NULL', resolution: 'reproduced', how: 'to_float is specified with JavaScript parsing. Number(null) (0) is refused.' },
  { topic: 'Date to string', js: 'String(date) uses the local time zone', sql: 'UTC text', resolution: 'refused', how: 'Dates in templates, + and String() are refused; use time.toDate(ts) or the time helpers.' },
  { topic: 'Date equality', js: 'a === b compares object identity', sql: 'compares instants', resolution: 'refused', how: 'Refused with a hint to compare a.getTime() === b.getTime().' },
  { topic: 'Timestamp precision', js: 'milliseconds', sql: 'microseconds', resolution: 'documented', how: 'getTime() (unix_millis) floors sub-millisecond parts, as a Date read from SQL holds them. Comparisons between two SQL timestamps may see microsecond differences that JavaScript does not.' },
  { topic: 'String length and positions', js: 'UTF-16 code units', sql: 'code points (characters)', resolution: 'documented', how: '.length is exact (utf16_length). slice, substring, indexOf, padStart and padEnd count code points in SQL: they agree unless the string holds characters outside the Basic Multilingual Plane (emoji, some CJK).' },
  { topic: 'String ordering', js: '< compares UTF-16 code units', sql: 'compares bytes / code points (no collation)', resolution: 'documented', how: 'Identical for all strings without characters above U+FFFF mixed with U+E000–U+FFFF.' },
  { topic: 'Negative and swapped indices', js: "slice(-2) counts from the end; substring(4, 1) swaps; slice(3, 1) is ''", sql: 'SUBSTR has its own rules', resolution: 'reproduced', how: 'Bounds are normalized with JavaScript\'s rules before substr (which only ever sees start >= 1, length >= 0).' },
  { topic: 'Padding longer strings', js: "'abc'.padStart(2) is 'abc'", sql: "LPAD('abc', 2) is 'ab'", resolution: 'reproduced', how: 'lpad / rpad are only applied when the string is shorter than the width.' },
  { topic: 'split', js: "''.split(',') is ['']; 'abc'.split('') splits UTF-16 units", sql: "BigQuery SPLIT('') gives []", resolution: 'reproduced', how: "split is specified with JavaScript's result for ''; split('') and regex separators are refused." },
  { topic: 'replace with a string', js: 'replaces the first occurrence only, and interprets $& / $1 in the replacement', sql: 'REPLACE replaces all', resolution: 'reproduced', how: 'A string pattern becomes an escaped, non-global regexp_replace; replace_all is used only for replacements without $.' },
  { topic: 'Whitespace', js: 'trim() and \\s include Unicode spaces (NBSP, U+2028, BOM, ...)', sql: 'TRIM removes spaces; RE2 \\s is ASCII', resolution: 'reproduced', how: 'trim ops are specified with JavaScript whitespace; \\s in regexes is spelled out as JavaScript\'s set.' },
  { topic: 'Regex dot', js: '. excludes \\n, \\r, U+2028, U+2029', sql: 'RE2 . excludes only \\n', resolution: 'reproduced', how: '. is rewritten to [^\\n\\r\\x{2028}\\x{2029}].' },
  { topic: 'Regex features', js: 'lookaround, backreferences, sticky / multiline / dotAll / unicode flags', sql: 'RE2 has none of these (or different multiline rules)', resolution: 'refused', how: 'Refused at the regex literal with a hint.' },
  { topic: 'Regex on astral characters', js: 'without the u flag, . matches half a surrogate pair', sql: 'RE2 matches whole code points', resolution: 'documented', how: 'Patterns agree on text without characters above U+FFFF.' },
  { topic: 'Case mapping', js: "'ß'.toUpperCase() is 'SS'; final sigma rules", sql: 'engines map some characters differently', resolution: 'documented', how: 'lower / upper agree on ASCII and common Latin text; special-casing of a few characters may differ.' },
  { topic: 'Case-insensitive regex', js: 'i without u uses simple case folding of UTF-16 units', sql: 'RE2 (?i) uses Unicode simple folding', resolution: 'documented', how: 'Agree except for a few characters such as the Kelvin sign.' },
  { topic: 'Array membership of null', js: "['a'].includes(null) is false", sql: 'NULL IN (...) is NULL', resolution: 'reproduced', how: 'A nullable value is checked with IS NOT NULL first.' },
  { topic: 'Arrays holding null', js: 'arrays may hold null', sql: 'BigQuery arrays cannot hold NULL', resolution: 'refused', how: 'Array literals with possibly-null elements are refused.' },
  { topic: 'Out-of-range index', js: 'arr[9] is undefined', sql: 'OFFSET errors in BigQuery', resolution: 'reproduced', how: 'array_at is specified to return NULL out of range; negative literal indices are refused.' },
  { topic: 'Object key order', js: 'integer-like keys first; overriding a key keeps its position', sql: 'columns in SELECT order', resolution: 'reproduced', how: 'Spreads override in place; integer-like keys are refused.' },
  { topic: 'Non-null assertion', js: 'x! does nothing at run time (null.trim() throws)', sql: 'NULL propagates', resolution: 'documented', how: 'x! makes the SQL type non-null; if the value is null after all, SQL yields NULL where JavaScript throws or coerces.' },
  { topic: 'Local time and locales', js: 'Date getters, toLocale*, localeCompare depend on the machine', sql: 'UTC, no locale', resolution: 'refused', how: 'Only the UTC time helpers of the SDK are supported; locale methods are refused.' },
  { topic: 'Non-determinism', js: 'Math.random(), Date.now(), new Date()', sql: 'evaluated per engine and run', resolution: 'refused', how: 'Refused; read times from columns.' },
  { topic: 'Mutable captured state', js: 'a lambda sees the current value of a captured let', sql: 'compiled once', resolution: 'refused', how: 'Only consts are resolved statically; let, var and enclosing parameters are refused.' },
  { topic: 'Average of infinities', js: 'avg is sum / count: avg(-Infinity, 0) is -Infinity', sql: "GoogleSQL's AVG is a running mean: AVG(-inf, 0) is NaN", resolution: 'reproduced', how: 'BigQuery averages FLOAT64 as IEEE_DIVIDE(SUM(x), COUNT(x)) (found by the differential tests).' },
  { topic: 'Ordering of NaN', js: 'the SDK sorts NaN above +Infinity (desc: first)', sql: 'BigQuery sorts NaN below every number', resolution: 'reproduced', how: 'BigQuery ORDER BY items of FLOAT64 are preceded by IS_NAN(x) (found by the differential tests: rank() over desc(amount)).' },
  { topic: 'Ordering of NULLs', js: 'the SDK sorts NULLs first ascending, last descending', sql: 'engines differ by default', resolution: 'reproduced', how: 'Dialects render NULLS FIRST / LAST explicitly.' },
];
