import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadHandlers } from '../routes/index.js';
import { lockDataFolder } from './data-lock.js';
import { startDynalite } from './dynalite.js';
import { type Gateway, startGateway } from './gateway.js';
import type { LocalIdentity } from './proxy-event.js';
import { ensureTable } from './table.js';
import type { ThrottleSettings } from './throttle.js';

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  /** Folder for dynalite's data and the cursor key; `null` keeps everything in memory (tests). */
  dataDir: string | null;
  /** @default 3000 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 'todolist' */
  tableName?: string;
  siteDir?: string;
  /** Extra browser origins allowed besides the gateway's own. */
  allowedOrigins?: string[];
  throttle?: ThrottleSettings | null;
  identify?: (request: IncomingMessage) => LocalIdentity;
  /** @default 'local' */
  defaultOwnerId?: string;
}

/** The running local product. */
export interface LocalStack {
  url: string;
  gateway: Gateway;
  dynamodbEndpoint: string;
  tableName: string;
  /** Stops the gateway, waits for requests in flight, then closes the database. */
  close(): Promise<void>;
}

/** The key that signs list cursors, kept in the data folder so cursors outlive a restart. */
function cursorSigningKey(dataDir: string | null): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'cursor-signing-key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const key = randomBytes(32).toString('base64url');
    writeFileSync(file, key, { mode: 0o600 });
    return key;
  }
}

/**
 * Runs the whole API on this machine: dynalite (on disk under `dataDir`), the table, the same
 * handler modules Lambda runs, and the local gateway in front of them.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const lock = options.dataDir ? lockDataFolder(options.dataDir) : { release() {} };
  try {
    const tableName = options.tableName ?? 'todolist';
    const database = await startDynalite(options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {});
    const client = new DynamoDBClient({
      endpoint: database.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(client, tableName);
    client.destroy();

    // The handlers read their configuration when their modules load, as in a Lambda container.
    const port = options.port ?? 3000;
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: database.endpoint,
      CURSOR_SIGNING_KEY: cursorSigningKey(options.dataDir),
      DEFAULT_OWNER_ID: options.defaultOwnerId ?? 'local',
    });
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
    const ownOrigins = port === 0 ? [] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
    const allowedOrigins = [...ownOrigins, ...(options.allowedOrigins ?? [])];
    process.env.ALLOWED_ORIGINS = allowedOrigins.join(',');

    const gateway = await startGateway({
      handlers: await loadHandlers(),
      port,
      ...(options.host ? { host: options.host } : {}),
      ...(options.siteDir ? { siteDir: options.siteDir } : {}),
      allowedOrigins,
      ...(options.throttle !== undefined ? { throttle: options.throttle } : {}),
      ...(options.identify ? { identify: options.identify } : {}),
    }).catch(async (error) => {
      await database.close();
      throw error;
    });
    return {
      url: gateway.url,
      gateway,
      dynamodbEndpoint: database.endpoint,
      tableName,
      close: async () => {
        await gateway.close();
        await database.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
