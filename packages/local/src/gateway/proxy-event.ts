import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { LocalIdentity } from './authorizer.js';

// The maps have no prototype, so a header or parameter named `constructor` or `__proto__` is an
// own key like any other, as in the JSON event API Gateway sends, not an inherited property.
const emptyMap = <Value>(): Record<string, Value> => Object.create(null);

function headerMaps(request: IncomingMessage) {
  const headers = emptyMap<string>();
  const multiValueHeaders = emptyMap<string[]>();
  const raw = request.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index] as string;
    const value = raw[index + 1] as string;
    headers[name] = value; // the last value wins, as in API Gateway's single-value map
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  return { headers, multiValueHeaders };
}

function queryMaps(search: URLSearchParams) {
  if ([...search.keys()].length === 0)
    return { queryStringParameters: null, multiValueQueryStringParameters: null };
  const single = emptyMap<string>();
  const multi = emptyMap<string[]>();
  for (const [name, value] of search) {
    single[name] = value;
    multi[name] = [...(multi[name] ?? []), value];
  }
  return { queryStringParameters: single, multiValueQueryStringParameters: multi };
}

function encodeBody(body: Buffer): { body: string | null; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: null, isBase64Encoded: false };
  const text = body.toString('utf8');
  // Bytes that are not valid UTF-8 travel base64-encoded, so the handler sees them as sent.
  return Buffer.from(text, 'utf8').equals(body)
    ? { body: text, isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}

/** Everything needed to build the event besides the HTTP request itself. */
export interface ProxyEventInput {
  request: IncomingMessage;
  url: URL;
  body: Buffer;
  resource: string;
  pathParameters: Record<string, string> | null;
  identity: LocalIdentity;
  requestId?: string;
}

/** The API Gateway REST (payload 1.0) proxy event for a request, as the deployed API sends it. */
export function toProxyEvent(input: ProxyEventInput): APIGatewayProxyEvent {
  const { request, url, resource } = input;
  const method = request.method ?? 'GET';
  const requestId = input.requestId ?? randomUUID();
  const now = Date.now();
  const { headers, multiValueHeaders } = headerMaps(request);
  return {
    resource,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders,
    ...queryMaps(url.searchParams),
    pathParameters: input.pathParameters,
    stageVariables: null,
    ...encodeBody(input.body),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: input.identity,
      httpMethod: method,
      path: url.pathname,
      protocol: `HTTP/${request.httpVersion}`,
      requestId,
      requestTimeEpoch: now,
      resourceId: 'local',
      resourcePath: resource,
      stage: 'local',
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        user: null,
        userAgent: request.headers['user-agent'] ?? null,
        userArn: null,
      },
    },
  };
}
