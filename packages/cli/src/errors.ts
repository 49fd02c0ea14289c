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

/** The command line or its input is wrong (exit 2). */
export class UsageError extends TodoCliError {
  override name = 'UsageError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT_CODES.usage, options);
  }
}

/** The user stopped the command: Ctrl-C at a prompt or while waiting (exit 130). */
export class InterruptedError extends TodoCliError {
  override name = 'InterruptedError';
  constructor() {
    super('interrupted', EXIT_CODES.interrupted);
  }
}
