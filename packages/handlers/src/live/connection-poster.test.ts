import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectionsEndpoint,
  startConnectionsEndpoint,
} from '../../test/support/connections-endpoint.js';
import { managementApiPoster } from './connection-poster.js';

let endpoint: ConnectionsEndpoint;
let client: ApiGatewayManagementApiClient;

beforeAll(async () => {
  endpoint = await startConnectionsEndpoint();
  client = new ApiGatewayManagementApiClient({
    endpoint: endpoint.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await endpoint.close();
});

describe('posting to a connection through the management API', () => {
  it('sends the message as the body of POST @connections/<id>', async () => {
    const poster = managementApiPoster(client);
    expect(await poster.post('abc=', '{"type":"changed"}')).toBe('sent');
    expect(endpoint.posts).toContainEqual({ connectionId: 'abc=', body: '{"type":"changed"}' });
  });

  it("says 'gone' when API Gateway answers 410 GoneException", async () => {
    endpoint.gone.add('closed=');
    expect(await managementApiPoster(client).post('closed=', '{}')).toBe('gone');
  });

  it('throws on any other failure', async () => {
    endpoint.failing.add('broken=');
    await expect(managementApiPoster(client).post('broken=', '{}')).rejects.toThrow();
  });
});
