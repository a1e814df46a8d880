/**
 * Match-key normalizations written in the translatable subset of TypeScript
 * (docs/expressions.md), so one definition runs in the DirectRunner and compiles to SQL for
 * DuckDB and BigQuery. They follow the specifications in src/identity/normalize, which the
 * tests compare them with.
 */

/** An email key: trimmed, lower case, and null unless it has the shape `local@domain.tld`. */
export function normalizeEmail(raw: string | null): string | null {
  // `?? ''` rather than an early return: the empty string fails the shape test, and SQL
  // then knows the value is never null inside the expression.
  const email = (raw ?? '').trim().toLowerCase();
  return /^[^@ ]+@[^@ ]+[.][^@ ]+$/.test(email) ? email : null;
}

/** The calling code of an ISO country code; null for a country the normalizer does not know. */
export function callingCode(country: string): string | null {
  const c = country.trim().toUpperCase();
  if (c === 'NL') return '31';
  if (c === 'BE') return '32';
  if (c === 'DE') return '49';
  if (c === 'FR') return '33';
  if (c === 'GB') return '44';
  if (c === 'LU') return '352';
  if (c === 'AT') return '43';
  if (c === 'CH') return '41';
  if (c === 'ES') return '34';
  if (c === 'IT') return '39';
  if (c === 'DK') return '45';
  if (c === 'SE') return '46';
  if (c === 'US') return '1';
  return null;
}

/**
 * A phone key in E.164 (`+31612345678`). `+` or `00` means international; a leading `0` is
 * the trunk prefix of the record's country (or `defaultCountry` when the record has none or
 * an unknown one); 11+ digits without a prefix are read as international. Null unless the
 * result has 9–15 digits and a country code not starting with 0.
 */
export function normalizePhone(raw: string | null, country: string | null, defaultCountry: string = 'NL'): string | null {
  const s = (raw ?? '').trim().replaceAll('(0)', '');
  const d = s.replace(/[^0-9]/g, '');
  const cc = callingCode(country ?? '') ?? callingCode(defaultCountry) ?? '';
  const e = s.startsWith('+') ? d
    : d.startsWith('00') ? d.slice(2)
    : d.startsWith('0') ? cc + d.slice(1)
    : d.length >= 11 ? d
    : cc + d;
  return /^[1-9][0-9]{8,14}$/.test(e) ? '+' + e : null;
}

/**
 * The name + postcode key `first|last|POSTCODE`; null when a part is missing. The first name
 * is part of it because a household shares last name and postcode.
 */
export function normalizeNamePostcode(first: string | null, last: string | null, postcode: string | null): string | null {
  const f = (first ?? '').trim().toLowerCase();
  const l = (last ?? '').trim().toLowerCase();
  const p = (postcode ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (f === '' || l === '' || p === '') return null;
  return f + '|' + l + '|' + p;
}

/** The first name of a name key (`first|last|POSTCODE`); null for null or ''. */
export function firstNameOfNameKey(nameKey: string | null): string | null {
  const key = nameKey ?? '';
  return key === '' ? null : (key.split('|')[0] ?? null);
}

/** An opaque identifier (loyalty card, device, account): trimmed; null when empty. */
export function normalizeId(raw: string | null): string | null {
  const id = (raw ?? '').trim();
  return id === '' ? null : id;
}
