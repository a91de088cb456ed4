// Generated from package.json and schema/levels.schema.json by `npm run generate`. Do not edit.
export const VERSION = "0.1.0";
/** A fingerprint of the config schema: what was read under another schema is read again. */
export const SCHEMA_FINGERPRINT = "61d21f64058f2106";
