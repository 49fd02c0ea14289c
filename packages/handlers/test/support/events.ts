import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** What a test says about a request; everything else is filled in as API Gateway would. */
export interface TestRequest {
  method?: string;
  path?: string;
  resource?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** A value to send as JSON, or a raw string body. */
  body?: unknown;
  /**
   * The caller's identity (Cognito `sub`), as the authorizer passes it; `null` for a request
   * that reached the function with none. @default {@link TEST_OWNER}
   */
  owner?: string | null;
  /** More claims the authorizer passes on, such as `client_id`. */
  claims?: Record<string, string>;
}

/** The owner of a test request that names none. */
export const TEST_OWNER = 'test-owner';

/** An API Gateway REST proxy event for a test request. */
export function apiEvent(request: TestRequest = {}): APIGatewayProxyEvent {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | null = null;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
  }
  const multiQuery = request.query
    ? Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]))
    : null;
  const singleQuery = multiQuery
    ? Object.fromEntries(Object.entries(multiQuery).map(([k, v]) => [k, v[v.length - 1] as string]))
    : null;
  return {
    resource: request.resource ?? request.path ?? '/v1/todos',
    path: request.path ?? '/v1/todos',
    httpMethod: request.method ?? 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: singleQuery,
    multiValueQueryStringParameters: multiQuery,
    pathParameters: request.pathParameters ?? null,
    stageVariables: null,
    body,
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      authorizer:
        request.owner === null ? null : { claims: { ...request.claims, sub: request.owner ?? TEST_OWNER } },
    } as APIGatewayProxyEvent['requestContext'],
  };
}

/** The parsed JSON body of a handler's answer. */
export function bodyOf<T = Record<string, unknown>>(result: APIGatewayProxyResult): T {
  return JSON.parse(result.body) as T;
}

/** A header of a handler's answer, ignoring case. */
export function headerOf(result: APIGatewayProxyResult, name: string): string | undefined {
  const found = Object.entries(result.headers ?? {}).find(
    ([key]) => key.toLowerCase() === name.toLowerCase(),
  );
  return found === undefined ? undefined : String(found[1]);
}
