/**
 * JavaScript string semantics spelled in RE2, the regex engine of both BigQuery and DuckDB.
 */

/**
 * JavaScript's whitespace set (`\s`, and what `String.prototype.trim` strips): WhiteSpace
 * plus LineTerminator. RE2's `\s` is ASCII only, so the class is spelled out.
 */
export const JS_WHITESPACE_CLASS =
  '[\\x{0009}-\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

/** Matches one code point outside the Basic Multilingual Plane (two UTF-16 code units in JS). */
export const ASTRAL_CLASS = '[\\x{10000}-\\x{10FFFF}]';

/** Number of capturing groups in a pattern, and whether any is named. */
export function captureGroups(pattern: string): { count: number; named: boolean } {
  let count = 0;
  let named = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++; // a leading `]` is a literal member
      continue;
    }
    if (ch !== '(') continue;
    if (pattern[i + 1] !== '?') {
      count++;
    } else if (/^\(\?P?<[A-Za-z_]/.test(pattern.slice(i))) {
      count++;
      named = true;
    }
  }
  return { count, named };
}

/**
 * Converts a JavaScript replacement string (`$1`, `$&`, `$$`) into an RE2 rewrite string
 * (`\1`, `\0`, literal backslashes doubled). `shift` > 0 means the caller wrapped the
 * pattern itself as capturing group `shift` (after `shift - 1` groups of its own): `$&` is
 * then `\<shift>` and the pattern's groups are renumbered after it. Throws (through `fail`)
 * on what RE2 cannot express.
 */
export function re2Replacement(
  replacement: string,
  pattern: string,
  fail: (problem: string, hint?: string) => never,
  shift = 0,
): string {
  const { count, named } = captureGroups(pattern);
  let out = '';
  const group = (n: number): string => {
    if (n + shift > 9) fail(`replacement refers to group ${n}; RE2 rewrites only reach group ${9 - shift}`);
    return `\\${n + shift}`;
  };
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\') {
      out += '\\\\';
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = replacement[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '&') {
      out += `\\${shift}`;
      i++;
    } else if (next === '`' || next === "'") {
      fail(`replacement pattern \`$${next}\` has no SQL equivalent`);
    } else if (next === '<' && named) {
      fail('named group references (`$<name>`) in replacements are not supported', 'use numbered groups: `$1`');
    } else if (next !== undefined && /[0-9]/.test(next)) {
      // JS reads two digits when that group exists, else one digit; otherwise `$n` is literal.
      const two = Number(replacement.slice(i + 1, i + 3));
      const one = Number(next);
      if (/^[0-9]{2}$/.test(replacement.slice(i + 1, i + 3)) && two >= 1 && two <= count) {
        out += group(two);
        i += 2;
      } else if (one >= 1 && one <= count) {
        out += group(one);
        i += 1;
      } else {
        out += '$';
      }
    } else {
      out += '$';
    }
  }
  return out;
}
