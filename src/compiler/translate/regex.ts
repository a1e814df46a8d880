/**
 * Rewrites JavaScript regex literals into RE2 syntax (the engine of BigQuery and DuckDB) with
 * the JavaScript meaning kept: `\s` and `.` are spelled out with JS's character sets, `\uXXXX`
 * becomes `\x{XXXX}`, named groups become `(?P<name>...)`. Features RE2 lacks (lookaround,
 * backreferences) and flags whose meaning differs are refused.
 */
import type { Node } from 'ts-morph';
import { fail } from './errors.js';

/** JavaScript's `\s`: WhiteSpace and LineTerminator code points. */
const JS_SPACE = '\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** JavaScript's `.` without the `s` flag: anything but a line terminator. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

export interface Re2Pattern {
  readonly pattern: string;
  readonly global: boolean;
  readonly groups: number;
}

const SIMPLE_ESCAPES = new Set(['d', 'D', 'w', 'W', 'b', 'B', 'n', 'r', 't', 'f']);

/** Translates `/source/flags` (as written at `node`) to an RE2 pattern. */
export function toRe2(source: string, flags: string, node: Node): Re2Pattern {
  for (const f of flags) {
    if (f !== 'g' && f !== 'i') {
      fail(node, `regex flag '${f}' is not supported`, "only 'g' and 'i' have the same meaning in SQL's RE2 engine");
    }
  }
  let out = '';
  let groups = 0;
  let i = 0;
  const refuse = (what: string, hint?: string): never => fail(node, `${what} in a regex is not supported by RE2 (BigQuery's regex engine)`, hint);
  const escape = (inClass: boolean): string => {
    const c = source[i + 1];
    i += 2;
    if (c === undefined) return refuse('a trailing backslash');
    if (SIMPLE_ESCAPES.has(c)) return c === 'b' && inClass ? '\\x{8}' : `\\${c}`;
    if (c === 's') return inClass ? JS_SPACE : `[${JS_SPACE}]`;
    if (c === 'S') return inClass ? refuse('\\S inside a character class') : `[^${JS_SPACE}]`;
    if (c === 'v') return '\\x{b}';
    if (c === '0' && !/[0-9]/.test(source[i] ?? '')) return '\\x{0}';
    if (/[1-9]/.test(c) || c === 'k') return refuse('a backreference');
    if (c === 'u') {
      const hex = source.slice(i, i + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return refuse('this \\u escape');
      i += 4;
      return `\\x{${hex}}`;
    }
    if (c === 'x') {
      const hex = source.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return refuse('this \\x escape');
      i += 2;
      return `\\x{${hex}}`;
    }
    if (/[A-Za-z0-9]/.test(c)) return refuse(`the escape \\${c}`);
    return `\\${c}`;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      out += escape(false);
    } else if (c === '[') {
      i++;
      let cls = '[';
      if (source[i] === '^') {
        cls += '^';
        i++;
      }
      if (source[i] === ']') refuse(cls === '[^' ? '[^]' : 'an empty class []', 'write (.|\\n) or remove it');
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') cls += escape(true);
        else {
          cls += source[i] === '[' ? '\\[' : source[i];
          i++;
        }
      }
      if (i >= source.length) refuse('an unterminated character class');
      i++;
      out += `${cls}]`;
    } else if (c === '.') {
      out += JS_DOT;
      i++;
    } else if (c === '(') {
      const rest = source.slice(i);
      if (/^\(\?<?[=!]/.test(rest)) refuse('lookahead / lookbehind', 'match more and post-process, or split the condition into several tests');
      const named = /^\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        groups++;
        out += `(?P<${named[1]}>`;
        i += named[0].length;
      } else if (rest.startsWith('(?:')) {
        out += '(?:';
        i += 3;
      } else {
        groups++;
        out += '(';
        i++;
      }
    } else if (c === '{') {
      const rep = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (rep && (Number(rep[1]) > 1000 || Number(rep[3] || 0) > 1000)) refuse('a repetition count above 1000');
      out += rep ? rep[0] : '\\{';
      i += rep ? rep[0].length : 1;
    } else if (c === '}') {
      out += '\\}';
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return { pattern: (flags.includes('i') ? '(?i)' : '') + out, global: flags.includes('g'), groups };
}

/** An RE2 pattern matching `text` literally. */
export function quoteRe2(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * Checks a JavaScript replacement string: `$$`, `$&` and `$1`..`$99` (for groups that exist)
 * are kept for the dialect to render; `` $` ``, `$'` and `$<name>` are refused.
 */
export function checkReplacement(replacement: string, groups: number, node: Node): void {
  for (let i = 0; i < replacement.length; i++) {
    if (replacement[i] !== '$') continue;
    const next = replacement[i + 1] ?? '';
    if (next === '$' || next === '&') {
      i++;
    } else if (next === '`' || next === "'" || next === '<') {
      fail(node, `the replacement pattern '$${next}' is not supported`, 'use $&, $1..$99 or $$ only');
    } else if (/[0-9]/.test(next)) {
      const two = replacement.slice(i + 1, i + 3);
      if (/^[0-9]{2}$/.test(two) && Number(two) >= 1 && Number(two) <= groups) {
        i += 2;
        continue;
      }
      const n = Number(next);
      if (n === 0 || n > groups) fail(node, `the replacement refers to group $${n}, but the pattern has ${groups} group(s)`, 'write $$ for a literal dollar sign');
      i += 1;
    }
  }
}
