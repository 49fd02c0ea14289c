// Its own file, free of imports: the command's registration (every run, `--help` too) reads it.

/** The apps `todo import --from` reads the files of. */
export const IMPORT_APPS = ['todoist', 'taskwarrior', 'todotxt'] as const;
export type ImportApp = (typeof IMPORT_APPS)[number];
