/**
 * Type-only re-exports of the generated protobuf types in `@fivetrandevelopers/zetasql`, so the
 * rest of the harness imports them from one place (the package has no `exports` map, so these
 * deep paths are stable as long as the pinned version is).
 */
export type { ZetaSqlLocalServiceClient } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/ZetaSqlLocalService.js';
export type { AnalyzeRequest } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/AnalyzeRequest.js';
export type { AnalyzeResponse__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/AnalyzeResponse.js';
export type { ParseRequest } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/ParseRequest.js';
export type { ParseResponse__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/ParseResponse.js';
export type { EvaluateQueryRequest } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/EvaluateQueryRequest.js';
export type { EvaluateQueryResponse__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/EvaluateQueryResponse.js';
export type { ExtractTableNamesFromStatementResponse__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/ExtractTableNamesFromStatementResponse.js';
export type { RegisterCatalogRequest } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/RegisterCatalogRequest.js';
export type { RegisterResponse__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/local_service/RegisterResponse.js';
export type { LanguageOptionsProto } from '@fivetrandevelopers/zetasql/lib/types/zetasql/LanguageOptionsProto.js';
export type { LanguageOptionsProto__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/LanguageOptionsProto.js';
export type { AnalyzerOptionsProto } from '@fivetrandevelopers/zetasql/lib/types/zetasql/AnalyzerOptionsProto.js';
export type { SimpleCatalogProto } from '@fivetrandevelopers/zetasql/lib/types/zetasql/SimpleCatalogProto.js';
export type { SimpleTableProto } from '@fivetrandevelopers/zetasql/lib/types/zetasql/SimpleTableProto.js';
export type { SimpleConstantProto } from '@fivetrandevelopers/zetasql/lib/types/zetasql/SimpleConstantProto.js';
export type { TypeProto, TypeProto__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/TypeProto.js';
export type { ValueProto, ValueProto__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/ValueProto.js';
export type { SimpleColumnProto__Output } from '@fivetrandevelopers/zetasql/lib/types/zetasql/SimpleColumnProto.js';
