/**
 * Language and analyzer options approximating BigQuery: the server's maximum feature set,
 * a few BigQuery features that set leaves out, BigQuery type names, UTC, and BigQuery's
 * scripting system variables.
 */
import type {
  AnalyzerOptionsProto,
  LanguageOptionsProto,
  LanguageOptionsProto__Output,
  TypeProto,
} from './proto-types.js';

/**
 * BigQuery supports these, but the server's "maximum features" excludes them as in
 * development. INTERVAL is needed for `INTERVAL` values; ROLLUP/GROUPING SETS for analysis;
 * view column OPTIONS for the column descriptions Sluice writes into CREATE VIEW.
 */
const EXTRA_FEATURES = [
  'FEATURE_INTERVAL_TYPE',
  'FEATURE_CREATE_VIEWS_WITH_COLUMN_OPTIONS',
  'FEATURE_V_1_4_GROUPING_SETS',
  'FEATURE_V_1_4_GROUPING_BUILTIN',
] as const;

/**
 * BigQuery's language: maximum features plus {@link EXTRA_FEATURES}, in PRODUCT_EXTERNAL mode
 * (FLOAT64 instead of DOUBLE, no unsigned or proto types). `supportedStatementKinds` stays
 * empty (meaning all): the server's maximum-features answer restricts it to queries only.
 */
export function bigQueryLanguageOptions(maximum: LanguageOptionsProto__Output): LanguageOptionsProto {
  // The service answers with enum numbers and accepts names too; duplicates are harmless.
  return {
    enabledLanguageFeatures: [...maximum.enabledLanguageFeatures, ...EXTRA_FEATURES],
    productMode: 'PRODUCT_EXTERNAL',
  };
}

const STRING: TypeProto = { typeKind: 'TYPE_STRING' };
const INT64: TypeProto = { typeKind: 'TYPE_INT64' };

/**
 * BigQuery scripting system variables (`@@error.message`, ...) a script may read. For
 * analysis only: evaluation would demand a value for each.
 */
export const SCRIPT_SYSTEM_VARIABLES: { namePath: string[]; type: TypeProto }[] = [
  { namePath: ['error', 'message'], type: STRING },
  { namePath: ['error', 'statement_text'], type: STRING },
  { namePath: ['error', 'formatted_stack_trace'], type: STRING },
  { namePath: ['current_job_id'], type: STRING },
  { namePath: ['project_id'], type: STRING },
  { namePath: ['dataset_id'], type: STRING },
  { namePath: ['dataset_project_id'], type: STRING },
  { namePath: ['location'], type: STRING },
  { namePath: ['time_zone'], type: STRING },
  { namePath: ['row_count'], type: INT64 },
  { namePath: ['script', 'job_id'], type: STRING },
  { namePath: ['script', 'bytes_processed'], type: INT64 },
];

/** Analyzer options for BigQuery: one-line errors ending in `[at line:col]`, UTC. */
export function bigQueryAnalyzerOptions(languageOptions: LanguageOptionsProto): AnalyzerOptionsProto {
  return {
    languageOptions,
    errorMessageMode: 'ERROR_MESSAGE_ONE_LINE',
    defaultTimezone: 'UTC',
  };
}
