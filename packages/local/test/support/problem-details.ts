import { PROBLEM_MEDIA_TYPE, Problem } from '@todolist/sdk/contract';
import type { RawResponse } from './raw-http-client.js';

function summary(response: RawResponse): string {
  const type = response.headers['content-type'] ?? '(none)';
  return `${response.status} ${type} ${response.body.toString('utf8').slice(0, 300)}`;
}

/**
 * The problem details document of an answer, or an error saying what is wrong with it: not
 * `application/problem+json`, not JSON, not a `Problem`, or a `status` other than the HTTP status.
 */
export function readProblem(response: RawResponse): Problem {
  const mediaType = response.headers['content-type']?.split(';')[0]?.trim();
  if (mediaType !== PROBLEM_MEDIA_TYPE) {
    throw new Error(`expected Content-Type ${PROBLEM_MEDIA_TYPE}, got: ${summary(response)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new Error(`the problem body is not JSON: ${summary(response)}`);
  }
  const parsed = Problem.safeParse(json);
  if (!parsed.success) {
    throw new Error(`the body is not a Problem (${parsed.error.message}): ${summary(response)}`);
  }
  if (parsed.data.status !== response.status) {
    throw new Error(
      `the problem's status ${parsed.data.status} differs from the HTTP status: ${summary(response)}`,
    );
  }
  return parsed.data;
}
