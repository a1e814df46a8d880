/**
 * Phone match keys in E.164 (`+31612345678`), from any of the formats people type:
 * `06-12345678`, `+31 (0)6 1234 5678`, `0031612345678`, `(020) 1234567`, `612345678`.
 *
 * A number without an international prefix is read in the record's country (its calling
 * code replaces the trunk `0`), falling back to a default country. The result must have 9 to
 * 15 digits and a country code not starting with 0, otherwise there is no key
 * (`0000000000`, `123456`, `n/a`). Plausible fakes such as `+31612345678` are a blocklist
 * matter, not a normalization one.
 */
import type { SqlFunctions } from '../sql/functions.js';

/** Calling codes of the countries the normalizer knows; extend as markets are added. */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  NL: '31', BE: '32', DE: '49', FR: '33', GB: '44', LU: '352', AT: '43', CH: '41', ES: '34', IT: '39', DK: '45', SE: '46', US: '1',
};

const VALID = '^[1-9][0-9]{8,14}$';

function callingCode(country: string | null, defaultCountry: string): string {
  const code = CALLING_CODES[(country ?? '').trim().toUpperCase()] ?? CALLING_CODES[defaultCountry];
  if (code === undefined) throw new Error(`no calling code known for default country ${defaultCountry}`);
  return code;
}

/** The E.164 key of a raw phone, or null. This is the specification the SQL follows. */
export function normalizePhone(raw: string | null, country: string | null = null, defaultCountry = 'NL'): string | null {
  if (raw === null) return null;
  const s = raw.trim().replaceAll('(0)', '');
  const d = s.replace(/[^0-9]/g, '');
  const cc = callingCode(country, defaultCountry);
  const e = s.startsWith('+') ? d
    : d.startsWith('00') ? d.slice(2)
    : d.startsWith('0') ? cc + d.slice(1)
    : d.length >= 11 ? d
    : cc + d;
  return new RegExp(VALID).test(e) ? `+${e}` : null;
}

/**
 * SQL computing {@link normalizePhone} of the STRING expression `expr`, reading national
 * numbers in the country given by `countryExpr` (a STRING expression, or null for always
 * the default country).
 */
export function phoneKeySql(f: SqlFunctions, expr: string, countryExpr: string | null, defaultCountry = 'NL'): string {
  const fallback = f.stringLiteral(callingCode(null, defaultCountry));
  const cc = countryExpr === null ? fallback
    : `CASE UPPER(TRIM(${countryExpr})) ${Object.entries(CALLING_CODES)
        .map(([c, code]) => `WHEN ${f.stringLiteral(c)} THEN ${f.stringLiteral(code)}`)
        .join(' ')} ELSE ${fallback} END`;
  const s = `REPLACE(TRIM(${expr}), '(0)', '')`;
  const d = f.regexReplaceAll(s, '[^0-9]', '');
  const e =
    `CASE WHEN STARTS_WITH(${s}, '+') THEN ${d}` +
    ` WHEN STARTS_WITH(${d}, '00') THEN SUBSTR(${d}, 3)` +
    ` WHEN STARTS_WITH(${d}, '0') THEN CONCAT(${cc}, SUBSTR(${d}, 2))` +
    ` WHEN LENGTH(${d}) >= 11 THEN ${d}` +
    ` ELSE CONCAT(${cc}, ${d}) END`;
  return `CASE WHEN ${f.regexContains(e, VALID)} THEN CONCAT('+', ${e}) END`;
}
