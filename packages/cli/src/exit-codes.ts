/**
 * The `todo` command's exit codes, one per kind of failure a script handles differently. They
 * are part of the CLI's interface: documented in the README and never renumbered.
 */
export const EXIT_CODES = {
  /** Done. */
  ok: 0,
  /** Something failed that is not one of the kinds below (a server error, say). */
  failure: 1,
  /** The command line or the input is wrong: unknown command, bad flag, invalid title or date. */
  usage: 2,
  /** No todo matches the id given. */
  notFound: 3,
  /** The API refused the credentials. */
  unauthorized: 4,
  /** Someone else changed the todo first (412), or another request with the same key is running (409). */
  conflict: 5,
  /** The API is throttling: try again later. */
  rateLimited: 6,
  /** The API could not be reached, or did not answer in time. */
  unavailable: 7,
  /** Interrupted: Ctrl-C, or SIGTERM. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
