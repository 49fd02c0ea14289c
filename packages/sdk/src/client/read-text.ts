import { errorFromBodyFailure, timeoutError } from '../errors/from-failure.js';
import type { FailedRequest } from '../errors/TodoSdkError.js';

// ky's timeouts end once the headers are in; the body is read here, so a body that stalls
// would otherwise hold the call past its total timeout.

/** What reading an answer's body needs to end in time and to say why it failed. */
export interface BodyReading {
  request: FailedRequest;
  /** When the whole call must be over, in `Date.now()` milliseconds. */
  deadline: number;
  /** Aborts the download, which the request's signal includes. */
  download: AbortController;
  /** The caller's signal, to tell their abort from a failure. */
  signal: AbortSignal | undefined;
}

/** The request's signal: the caller's, if any, and the download's, so that either stops it. */
export function requestSignal(reading: BodyReading): AbortSignal {
  const { download, signal } = reading;
  if (!signal) return download.signal;
  // Browsers before 2024 lack AbortSignal.any: there, the caller's signal alone stops the request.
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, download.signal]) : signal;
}

/** The answer's body as text, read by the call's deadline; past it, the download is aborted. */
export async function readText(response: Response, reading: BodyReading): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        reject(timeoutError(reading.request));
        reading.download.abort();
      },
      Math.max(0, reading.deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([response.text(), timedOut]);
  } catch (error) {
    throw errorFromBodyFailure(error, reading.request, reading.signal);
  } finally {
    clearTimeout(timer);
  }
}
