import { REQUEST_ID_HEADER } from './problem.js';
import { routeList } from './routes.js';

// The API's CORS lists, for the handlers' own answers and for the ones API Gateway gives by
// itself (preflights and its own errors), so the two cannot drift apart.

/** Request headers a browser may send: the JSON body, credentials, and every route's own headers. */
export const CORS_ALLOWED_HEADERS = [
  'Content-Type',
  'Authorization',
  ...new Set(routeList.flatMap((route) => (route.headers ?? []).map((header) => header.name))),
];

/** Response headers a browser's script may read. */
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Retry-After',
  'WWW-Authenticate',
  REQUEST_ID_HEADER,
];

/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;
