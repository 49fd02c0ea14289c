import { config, documentClient } from '../container.js';
import { LiveConnections } from '../store/live-connections.js';

// What the live handlers that touch the table make once per container, beside container.ts's
// clients: this region's connections. Lambda sets AWS_REGION; a local run names its own.

/** The region whose WebSocket API these handlers serve. */
export const region = process.env.AWS_REGION ?? 'local';

/** This region's live connections. */
export const connections = new LiveConnections(documentClient, { tableName: config.tableName, region });
