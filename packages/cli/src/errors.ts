import { EXIT_CODES, type ExitCode } from './exit-codes.js';

/** An error the CLI reports as one line on stderr, exiting with its code. */
export class TodoCliError extends Error {
  override name = 'TodoCliError';
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT_CODES.failure, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** True for any error the CLI throws itself, of any subclass. */
export function isTodoCliError(value: unknown): value is TodoCliError {
  return value instanceof TodoCliError;
}

/** The command line or its input is wrong (exit 2). */
export class UsageError extends TodoCliError {
  override name = 'UsageError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT_CODES.usage, options);
  }
}

/** True when the value is a {@link UsageError}. */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}

/** The user stopped the command: Ctrl-C at a prompt or while waiting (exit 130). */
export class InterruptedError extends TodoCliError {
  override name = 'InterruptedError';
  constructor() {
    super('interrupted', EXIT_CODES.interrupted);
  }
}

/** True when the value is an {@link InterruptedError}. */
export function isInterruptedError(value: unknown): value is InterruptedError {
  return value instanceof InterruptedError;
}

/** No usable sign-in for the profile: none stored, or the session expired (exit 4). */
export class NotSignedInError extends TodoCliError {
  override name = 'NotSignedInError';
  constructor(message = 'not signed in (or the session expired): run todo login', options?: ErrorOptions) {
    super(message, EXIT_CODES.unauthorized, options);
  }

  /** No sign-in stored for `profile` at all. */
  static forProfile(profile: string): NotSignedInError {
    return new NotSignedInError(`not signed in (profile ${profile}): run todo login`);
  }
}

/** True when the value is a {@link NotSignedInError}. */
export function isNotSignedInError(value: unknown): value is NotSignedInError {
  return value instanceof NotSignedInError;
}

/** The sign-in itself failed: the server refused, or no answer came in time (exit 4). */
export class SignInError extends TodoCliError {
  override name = 'SignInError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT_CODES.unauthorized, options);
  }
}

/** True when the value is a {@link SignInError}. */
export function isSignInError(value: unknown): value is SignInError {
  return value instanceof SignInError;
}
