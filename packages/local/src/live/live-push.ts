import { createDynamoDbClients } from '@todolist/handlers';
import type { DynaliteServer } from '../data/dynalite.js';
import { LiveConnections } from './live-connections.js';
import { createLiveEndpoint, type LiveEndpoint } from './live-endpoint.js';
import { LiveFeed } from './live-feed.js';
import type { HandshakeRules } from './live-handshake.js';
import { tapWrites } from './write-tap.js';

/** Live pushes of a local stack: its own writes, fed to the people they concern. */
export interface LivePush {
  /** The WebSocket endpoint for the gateway, once its issuer and origins are known. */
  endpoint(rules: HandshakeRules): LiveEndpoint;
  /** Resolves once every write made so far has poked the people it concerns. */
  settled(): Promise<void>;
  /** Once the gateway is closed: the last writes' pokes, then the database client goes. */
  close(): Promise<void>;
}

/**
 * Starts the live pushes over `database`, where AWS has the table's stream and a consumer:
 * the tap hears each write to `tableName`, the feed reads the new image and who may see it,
 * and pokes their open connections.
 */
export function startLivePush(database: DynaliteServer, tableName: string): LivePush {
  const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint: database.endpoint });
  const connections = new LiveConnections();
  const feed = new LiveFeed({ client: documentClient, name: tableName }, (people) =>
    connections.poke(people),
  );
  tapWrites(database.server, tableName, (write) => feed.add(write));
  return {
    endpoint: (rules) => createLiveEndpoint(rules, connections),
    settled: () => feed.settled(),
    async close() {
      await feed.close();
      client.destroy();
    },
  };
}
