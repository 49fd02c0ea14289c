import { MAX_BODY_BYTES, summarizeFieldErrors, toFieldErrors } from '@todolist/sdk/contract';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors.js';
import { header } from './headers.js';

// JSON, with or without parameters (`; charset=utf-8`); a PATCH may also say merge-patch (RFC 7396).
const JSON_MEDIA_TYPE = 'application/json';
const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

function rawBody(event: APIGatewayProxyEvent): Buffer {
  if (event.body === null || event.body === undefined) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

function assertJsonMediaType(event: APIGatewayProxyEvent): void {
  const contentType = header(event, 'content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const accepted =
    mediaType === JSON_MEDIA_TYPE || (mediaType === MERGE_PATCH_MEDIA_TYPE && event.httpMethod === 'PATCH');
  if (!accepted) throw new UnsupportedMediaTypeError(contentType);
}

function parseJson(bytes: Buffer): unknown {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let decoded: string;
  try {
    decoded = text.decode(bytes);
  } catch (cause) {
    throw new BadRequestError('malformed_json', 'the request body is not valid UTF-8', { cause });
  }
  try {
    return JSON.parse(decoded);
  } catch (cause) {
    const reason = cause instanceof SyntaxError ? cause.message : 'unparseable';
    throw new BadRequestError('malformed_json', `the request body is not valid JSON: ${reason}`, { cause });
  }
}

/**
 * The request's JSON body, checked in the order a client can fix things: size (413), presence
 * (400), media type (415), syntax (400), then the schema (422).
 */
export function parseJsonBody<Schema extends z.ZodMiniType>(
  event: APIGatewayProxyEvent,
  schema: Schema,
  maxBytes: number = MAX_BODY_BYTES,
): z.output<Schema> {
  const bytes = rawBody(event);
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(bytes.length, maxBytes);
  if (bytes.length === 0) {
    throw new BadRequestError('malformed_json', 'the request needs a JSON body');
  }
  assertJsonMediaType(event);
  const result = schema.safeParse(parseJson(bytes));
  if (!result.success) {
    const errors = toFieldErrors(result.error);
    throw new ValidationError(summarizeFieldErrors(errors), errors);
  }
  return result.data;
}
