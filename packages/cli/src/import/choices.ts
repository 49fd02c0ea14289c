// The values `todo import`'s options take, in a file of their own that imports nothing: the
// command's registration (in every run's start-up, `--help` too) reads them, and the code that
// uses them loads only when an import runs.

/** The formats `--format` names. */
export const IMPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How an import shows its progress (`--progress`). */
export const PROGRESS_MODES = ['auto', 'json', 'none'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];
