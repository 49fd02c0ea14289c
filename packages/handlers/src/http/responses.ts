import {
  ERROR_CODES,
  type ErrorCode,
  PROBLEM_MEDIA_TYPE,
  type Problem,
  problemType,
} from '@todolist/sdk/contract';
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { TodoApiError } from '../errors.js';

/** Headers on every answer: no caching of per-user data, no MIME sniffing. */
const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** A JSON answer. */
export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** An answer without a body (204). */
export function noContent(headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode: 204, headers: { ...BASE_HEADERS, ...headers }, body: '' };
}

/** The problem details document for an error code. */
export function problemBody(
  code: ErrorCode,
  detail: string,
  requestId: string,
  extra: Partial<Problem> = {},
): Problem {
  const { status, title } = ERROR_CODES[code];
  return { type: problemType(code), title, status, detail, code, requestId, ...extra };
}

/** An RFC 9457 problem details answer. */
export function problem(
  code: ErrorCode,
  detail: string,
  requestId: string,
  options: { errors?: Problem['errors']; headers?: Record<string, string> } = {},
): APIGatewayProxyResult {
  const body = problemBody(code, detail, requestId, options.errors ? { errors: options.errors } : {});
  return {
    statusCode: body.status,
    headers: { ...BASE_HEADERS, 'Content-Type': PROBLEM_MEDIA_TYPE, ...options.headers },
    body: JSON.stringify(body),
  };
}

/** The problem details answer for a thrown {@link TodoApiError}. */
export function problemFromError(error: TodoApiError, requestId: string): APIGatewayProxyResult {
  return problem(error.code, error.message, requestId, {
    ...(error.errors ? { errors: error.errors } : {}),
    headers: error.headers,
  });
}
