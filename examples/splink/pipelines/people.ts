/**
 * The Splink test sets as a one-source identity pipeline: person records with typos, matched
 * on email and on first name + surname + date of birth.
 *
 * The source is named after the data file, `fake_1000` by default; set SPLINK_FILE=fake_20000
 * to read the larger set from the same folder. The file's `cluster` column (the true person)
 * is deliberately not declared: the pipeline never sees it, only score.ts does.
 */
import { pipeline, source, t } from '../../../src/sdk/index.js';
import { emailKey, idKey, resolveIdentities } from '../../../src/transforms/identity/index.js';

/** Which data file to read (without `.csv`). */
const FILE = process.env.SPLINK_FILE ?? 'fake_1000';

/** The records carry no time; every record is "seen" at this instant, so anchors tie-break by id. */
const SEEN_AT = new Date('2020-01-01T00:00:00Z');

export const people = source(
  FILE,
  {
    unique_id: t.int64().describe('Record id'),
    first_name: t.string().nullable().describe('Given name, with typos'),
    surname: t.string().nullable().describe('Family name, with typos'),
    dob: t.string().nullable().describe('Date of birth, YYYY-MM-DD (sometimes mistyped)'),
    city: t.string().nullable().describe('City'),
    email: t.string().nullable().describe('Email, with typos'),
  },
  { description: 'Splink fake person records (MIT, Ministry of Justice), one row per record' },
);

/** first|surname|dob, trimmed and lower-cased; null unless all three are present. */
function nameDob(first: string | null, surname: string | null, dob: string | null): string | null {
  const f = first?.trim().toLowerCase() ?? '';
  const s = surname?.trim().toLowerCase() ?? '';
  const d = dob?.trim() ?? '';
  return f === '' || s === '' || d === '' ? null : `${f}|${s}|${d}`;
}

export const identity = pipeline('identity', (p) =>
  resolveIdentities(p, {
    records: [
      p.read(people).map((r) => ({
        source: 'people',
        record_id: String(r.unique_id),
        seen_at: SEEN_AT,
        keys: [emailKey(r.email), idKey('name_dob', nameDob(r.first_name, r.surname, r.dob), 'name_dob: first + surname + date of birth')],
      })),
    ],
    // No blocklist: the set has no placeholder values. A cap still guards against a shared junk key.
    judgeKeys: (keys) => keys.map((k) => ({ ...k, drop_reason: k.degree > 100 ? 'degree_cap' : null })),
  }),
);
