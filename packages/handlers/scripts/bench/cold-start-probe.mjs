// Run in a fresh `node` by cold-start.mjs: loads one route bundle and handles one request of the
// todo's owner, as API Gateway passes it after its Cognito authorizer (`claims.sub`), as a Lambda
// cold start does, then prints the status code and exits at once.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const [bundlePath, id, ownerId] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundlePath).href);
const path = `/v1/todos/${id}`;
const result = await handler({
  resource: '/v1/todos/{id}',
  path,
  httpMethod: 'GET',
  headers: {},
  multiValueHeaders: {},
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: { id },
  stageVariables: null,
  body: null,
  isBase64Encoded: false,
  requestContext: {
    requestId: randomUUID(),
    authorizer: { claims: { sub: ownerId } },
    httpMethod: 'GET',
    path,
    stage: 'v1',
  },
});
process.stdout.write(String(result.statusCode));
process.exit(0);
