import type { LiveName } from '@todolist/handlers/bundles';
import type { TableAction } from './route-permissions.js';

/**
 * Exactly the table actions of each live handler (packages/handlers/src/live), as
 * ROUTE_TABLE_ACTIONS holds the routes'. test/live-permissions-in-use.test.ts runs the built
 * bundles over dynalite and holds this to the calls they make.
 */
export const LIVE_TABLE_ACTIONS = {
  // Checks a token against the user pool's keys: no table at all.
  liveAuthorizer: [],
  // LiveConnections.open: one PutItem of the connection's item.
  liveConnect: ['dynamodb:PutItem'],
  // LiveConnections.close: one DeleteItem.
  liveDisconnect: ['dynamodb:DeleteItem'],
  // audienceOf: a Query of each touched list's members; LiveConnections.of: a Query of each
  // person's connections in this region; a gone connection's DeleteItem. No index is read.
  livePusher: ['dynamodb:Query', 'dynamodb:DeleteItem'],
} as const satisfies Record<LiveName, readonly TableAction[]>;
