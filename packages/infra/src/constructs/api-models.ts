import type { RouteDefinition } from '@todolist/sdk/contract';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { JsonSchemaVersion } from 'aws-cdk-lib/aws-apigateway';
import * as z from 'zod/mini';

/**
 * True for a string the handler trims or folds before checking its length or pattern (a title,
 * a tag): API Gateway checks the raw body, where those checks would refuse what the handler takes.
 */
function foldedBeforeChecks(schema: z.core.$ZodType): boolean {
  const kinds = (schema._zod.def.checks ?? []).map((check) => check._zod.def.check);
  const firstFold = kinds.indexOf('overwrite');
  return firstFold !== -1 && kinds.slice(firstFold).some((kind) => kind !== 'overwrite');
}

/** The JSON Schema (draft 4, as API Gateway models take) of what a client may send for `schema`. */
export function requestJsonSchema(schema: z.ZodMiniType): apigateway.JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-04',
    // The body as sent: before the handler's transforms run.
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      if (jsonSchema.type === 'string' && foldedBeforeChecks(zodSchema)) {
        delete jsonSchema.maxLength;
        delete jsonSchema.pattern;
      }
    },
  });
  return { schema: JsonSchemaVersion.DRAFT4, ...rest } as apigateway.JsonSchema;
}

/** The names of a schema's top-level properties: a route's query parameters. */
export function parameterNames(schema: z.ZodMiniType | undefined): string[] {
  if (!schema) return [];
  return Object.keys(z.toJSONSchema(schema, { target: 'draft-04', io: 'input' }).properties ?? {});
}

/**
 * The request parameters API Gateway passes through and checks: path parameters required,
 * query parameters and the route's headers optional (their values are the handler's to check).
 */
export function requestParameters(route: RouteDefinition): Record<string, boolean> {
  return Object.fromEntries([
    ...parameterNames(route.pathParams).map((name) => [`method.request.path.${name}`, true] as const),
    ...parameterNames(route.query).map((name) => [`method.request.querystring.${name}`, false] as const),
    ...(route.headers ?? []).map((header) => [`method.request.header.${header.name}`, false] as const),
  ]);
}

/**
 * The request model of a route with a body, created once in `api`. The batch route's model is
 * its envelope only (`items`, 1 to MAX_IMPORT_ITEMS, as the contract declares them): API Gateway
 * can only refuse a whole request, where the import answers a bad item `rejected` beside the
 * created ones, so each item is the handler's to check against `TodoImportItem`.
 */
export function bodyModel(api: apigateway.RestApi, route: RouteDefinition): apigateway.IModel | undefined {
  if (!route.body) return undefined;
  const name = `${route.name[0]?.toUpperCase()}${route.name.slice(1)}Body`;
  return api.addModel(name, {
    modelName: name,
    contentType: 'application/json',
    description: `The body of ${route.method} ${route.path}, from the contract's zod schema`,
    schema: requestJsonSchema(route.body),
  });
}
