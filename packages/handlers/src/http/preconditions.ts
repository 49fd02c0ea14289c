import type { APIGatewayProxyEvent } from 'aws-lambda';
import { BadRequestError } from '../errors.js';
import { header } from './headers.js';

/** The ETag of a todo at a version: a strong entity tag holding the version number. */
export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header demands, or undefined when the change is unconditional
 * (no header, or `*`). A bare number is taken as well as the quoted ETag, since people type it.
 */
export function expectedVersion(event: APIGatewayProxyEvent): number | undefined {
  const value = header(event, 'if-match')?.trim();
  if (value === undefined || value === '*') return undefined;
  const match = /^"?(\d{1,15})"?$/.exec(value);
  if (!match?.[1] || Number(match[1]) < 1) {
    throw new BadRequestError(
      'invalid_header',
      `If-Match must be one ETag from a previous read, such as "3" (got ${JSON.stringify(value.slice(0, 40))})`,
    );
  }
  return Number(match[1]);
}
