// Where users get the action and its schema from. One place, so the files
// `certwatch init` writes, the README and the release workflow agree; a fork
// that publishes under another owner changes it here.
export const ACTION_REPOSITORY = 'certwatch/certwatch';
/** The major-version tag the release workflow moves (users pin to it). */
export const ACTION_MAJOR = 'v1';
export const ACTION_REF = `${ACTION_REPOSITORY}@${ACTION_MAJOR}`;
export const SCHEMA_URL = `https://raw.githubusercontent.com/${ACTION_REPOSITORY}/${ACTION_MAJOR}/schema/certwatch.schema.json`;
