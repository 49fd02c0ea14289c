import type { APIGatewayProxyEvent } from 'aws-lambda';

/**
 * A request header by name, ignoring case. API Gateway passes header names as the client sent
 * them, so `if-match` and `If-Match` must both be found. A header repeated by the client is
 * joined with ", " as RFC 9110 §5.3 allows.
 */
export function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const multi = event.multiValueHeaders ?? {};
  for (const [key, values] of Object.entries(multi)) {
    if (key.toLowerCase() === wanted && values && values.length > 0) return values.join(', ');
  }
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}
