import { ServiceUnavailableError } from '../errors.js';

/** Tries of unprocessed items before the import is answered 503 (the client sends it again). */
const MAX_ATTEMPTS = 8;

/** What the batch calls need besides their items. */
export interface BatchOptions {
  tableName: string;
  /** Waits between retries of unprocessed items; replaceable in tests. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `items` cut into runs of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, index * size + size),
  );
}

// Full jitter up to 50 ms × 2^(attempt-2), at most 2 s: DynamoDB's advice for unprocessed items.
const backoffMs = (attempt: number) => Math.random() * Math.min(2000, 50 * 2 ** (attempt - 2));

/** The 503 an import answers when the table stays busy: sending the same import again is safe. */
export const tableBusy = (cause?: unknown) =>
  new ServiceUnavailableError(
    'the table is busy and some todos were not written: send the same import again',
    { cause },
  );

/** True for DynamoDB's answers that say "too much at once", after the AWS SDK's own retries. */
export function isThrottled(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return (
    name === 'ProvisionedThroughputExceededException' ||
    name === 'ThrottlingException' ||
    name === 'RequestLimitExceeded'
  );
}

/**
 * Sends `work` and again with what DynamoDB left unprocessed, backing off between tries, until
 * nothing is left; a 503 after {@link MAX_ATTEMPTS} tries. `send` answers what is left.
 */
export async function untilProcessed<Work>(
  work: Work[],
  send: (pending: Work[]) => Promise<Work[]>,
  options: BatchOptions,
): Promise<void> {
  let pending = work;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS) throw tableBusy();
    if (attempt > 1) await (options.sleep ?? defaultSleep)(backoffMs(attempt));
    pending = await send(pending);
  }
}
