/** Match-key normalization: each key type as a TypeScript specification and its SQL. */
export { normalizeEmail, emailKeySql, EMAIL_SHAPE, type EmailOptions } from './email.js';
export { normalizePhone, phoneKeySql, CALLING_CODES } from './phone.js';
export { nameKey, nameKeySql } from './name.js';
