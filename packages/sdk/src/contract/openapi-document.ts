import * as z from 'zod/mini';

/** The outline of an OpenAPI 3.1 document, enough to recognise one. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string().check(z.startsWith('3.1.')),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
