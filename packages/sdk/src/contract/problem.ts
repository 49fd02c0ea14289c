import * as z from 'zod/mini';
import { ERROR_CODE_LIST } from './error-codes.js';

/** One reason a request was refused: where (`path`, e.g. `tags.2`) and what to change. */
export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** An RFC 9457 problem details document, as every error of the API is answered. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  code: z.enum(ERROR_CODE_LIST),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;

/** The media type of a problem details document. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The response header carrying the request id: API Gateway's, which the local gateway sends too. */
export const REQUEST_ID_HEADER = 'x-amzn-RequestId';
