import { generateOpenApiDocument, routes } from '@todolist/sdk/contract';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

// The document is the same for every request, so it is generated once per container.
const document = generateOpenApiDocument();

/** `GET /v1/openapi.json`: the API described as OpenAPI 3.1, generated from the route table. */
export const handler = defineRoute(routes.openapi, async () => {
  return json(200, document, { 'Cache-Control': 'public, max-age=300' });
});
