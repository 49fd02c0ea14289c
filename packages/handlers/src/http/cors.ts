import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS } from '@todolist/sdk/contract';

/** True when the origin may call the API: listed exactly, or `*` is listed. */
export function isAllowedOrigin(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): origin is string {
  return origin !== undefined && (allowedOrigins.includes(origin) || allowedOrigins.includes('*'));
}

/** The CORS headers for an actual (non-preflight) request from `origin`. */
export function corsHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> {
  if (!isAllowedOrigin(origin, allowedOrigins)) return allowedOrigins.length > 0 ? { Vary: 'Origin' } : {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
    Vary: 'Origin',
  };
}

/** The CORS headers answering a preflight from `origin` for the given methods. */
export function preflightHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
  methods: readonly string[],
): Record<string, string> {
  if (!isAllowedOrigin(origin, allowedOrigins)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': methods.join(', '),
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
    Vary: 'Origin',
  };
}
