import { summarizeFieldErrors, toFieldErrors } from '@todolist/sdk/contract';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import { BadRequestError } from '../errors.js';

/** The path parameters, checked against the route's schema; a bad id is a 400, not a 404. */
export function parsePathParams<Schema extends z.ZodMiniType>(
  event: APIGatewayProxyEvent,
  schema: Schema,
): z.output<Schema> {
  const result = schema.safeParse(event.pathParameters ?? {});
  if (!result.success) {
    const errors = toFieldErrors(result.error);
    throw new BadRequestError('invalid_id', summarizeFieldErrors(errors), { errors });
  }
  return result.data;
}

/**
 * The query string as one value per name, checked against the route's schema. A name given
 * twice is refused rather than silently taking one of the values.
 */
export function parseQuery<Schema extends z.ZodMiniType>(
  event: APIGatewayProxyEvent,
  schema: Schema,
): z.output<Schema> {
  // No prototype: a parameter named `__proto__` must be kept (and refused as unknown), not assigned away.
  const values: Record<string, string> = Object.create(null);
  const multi = event.multiValueQueryStringParameters ?? {};
  for (const [name, list] of Object.entries(multi)) {
    if (list && list.length > 1) {
      throw new BadRequestError(
        'invalid_query',
        `query parameter ${name} is given ${list.length} times; give it once`,
      );
    }
    if (list?.[0] !== undefined) values[name] = list[0];
  }
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined && !(name in values)) values[name] = value;
  }
  const result = schema.safeParse(values);
  if (!result.success) {
    const errors = toFieldErrors(result.error, { unknownKeyNoun: 'query parameter' });
    throw new BadRequestError('invalid_query', summarizeFieldErrors(errors), { errors });
  }
  return result.data;
}
