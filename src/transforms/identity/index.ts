/**
 * Identity resolution as a reusable SDK transform: match keys per source → identity graph
 * with audited blocking → connected components → stable customer ids with merge history.
 * See docs/identity.md.
 */
export { resolveIdentities, type IdentityOptions, type IdentityModels } from './resolve.js';
export { emailKey, phoneKey, nameKey, idKey } from './keys.js';
export { normalizeEmail, normalizePhone, normalizeNamePostcode, normalizeId, callingCode, firstNameOfNameKey } from './normalize.js';
export { registrySchema } from './registry.js';
export type { MatchKey, IdentityInput, KeyCandidate, KeyCompanion, JudgedKey, IdentityEdge, IdentityNode, KeyTypeRow, KeyTypeRule, RegistryRow } from './types.js';
export type { IdentityRecord, AliasRow, ClusterSizeRow } from './outputs.js';
export type { BlockedKey } from './graph.js';
export type { ComponentMember } from './components.js';
