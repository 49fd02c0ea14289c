import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { itemAt } from '../../test/support/stream-records.js';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from '../store/client.js';
import { connectionKey } from '../store/keys.js';
import { handler as connect } from './connect.js';
import type { LiveEvent } from './connection-handler.js';
import { handler as disconnect } from './disconnect.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

// test/support/handler-env.ts sets AWS_REGION=local: the region these handlers serve.
const REGION = 'local';

function liveEvent(
  routeKey: '$connect' | '$disconnect',
  connectionId: string,
  principalId?: string,
): LiveEvent {
  return {
    requestContext: {
      routeKey,
      eventType: routeKey === '$connect' ? 'CONNECT' : 'DISCONNECT',
      connectionId,
      requestId: randomUUID(),
      ...(principalId === undefined ? {} : { authorizer: { principalId } }),
    },
    isBase64Encoded: false,
  } as LiveEvent;
}

describe('$connect and $disconnect', () => {
  it("$connect records the connection in its owner's partition for this region; $disconnect forgets it", async () => {
    const person = `live-${randomUUID()}`;
    const key = connectionKey(person, REGION, 'conn-1');
    expect(await connect(liveEvent('$connect', 'conn-1', person))).toEqual({ statusCode: 200 });
    expect(await itemAt(documentClient, tableName, key)).toMatchObject({
      ...key,
      expiration: expect.any(Number),
    });

    expect(await disconnect(liveEvent('$disconnect', 'conn-1', person))).toEqual({ statusCode: 200 });
    expect(await itemAt(documentClient, tableName, key)).toBeUndefined();
  });

  it('a $connect that reaches the function with no identity is refused (401): no owner, no connection', async () => {
    expect(await connect(liveEvent('$connect', 'conn-nobody'))).toEqual({ statusCode: 401 });
    expect(await connect(liveEvent('$connect', 'conn-empty', ''))).toEqual({ statusCode: 401 });
  });
});
