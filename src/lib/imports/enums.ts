// Roster import vocabularies, for the schema (db/schema/imports.ts), services and pages.

/** `committing` while the commit job runs; a failed job goes back to `previewed`. */
export const IMPORT_STATUSES = ['previewed', 'committing', 'committed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
