import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RouteName } from '@todolist/sdk/contract';
import { HANDLER_VARIABLES, handlerEnvironment } from '../config.js';
import type { ProxyHandler } from '../http/define-route.js';
import { loadHandlers } from '../routes/index.js';
import { createLocalAuth } from './auth/local-auth.js';
import { issuerFor } from './auth/local-authority.js';
import { loadMachineClient, type MachineClient } from './auth/machine-client.js';
import { loadSigningKey } from './auth/signing-key.js';
import { subjectFor } from './auth/subject.js';
import { DataFolder } from './data-folder.js';
import { lockDataFolder } from './data-lock.js';
import { startDynalite } from './dynalite.js';
import { type Gateway, startGateway } from './gateway.js';
import { ensureTable } from './table.js';
import type { ThrottleSettings } from './throttle.js';

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  /**
   * Folder for dynalite's data, the cursor key and the sign-in signing key; `null` keeps
   * everything in memory (tests).
   */
  dataDir: string | null;
  /** @default 3000 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 'todolist' */
  tableName?: string;
  siteDir?: string;
  /** Browser origins allowed besides the gateway's own (`http://localhost:<port>`, `http://127.0.0.1:<port>`). */
  allowedOrigins?: string[];
  throttle?: ThrottleSettings | null;
  /**
   * The owner whose todos the machine client's tokens (client-credentials grant) act for, as
   * the CDK app's `machineOwner`: a subject, or the e-mail address a person signs in with here.
   * @default none: no machine client
   */
  machineOwner?: string;
}

/** The running local product. */
export interface LocalStack {
  url: string;
  gateway: Gateway;
  dynamodbEndpoint: string;
  tableName: string;
  /** The `iss` of the tokens the local sign-in issues: `http://localhost:<port>/auth`. */
  issuer: string;
  /** The client-credentials client for scripts, with its secret, when `machineOwner` was given. */
  machineClient: MachineClient | undefined;
  /** The data folder, when there is one: where each file is kept. */
  dataFolder: DataFolder | null;
  /** What start-up found wrong and put right, for the person to read (secrets others could read). */
  warnings: string[];
  /** Stops the gateway, waits for requests in flight, then closes the database. */
  close(): Promise<void>;
}

// The handler modules are loaded once per process (per module graph) and bind to the first
// stack's database, so a second stack in the same process would silently use the first's.
let stackStarted = false;

/** The key that signs list cursors, kept in the data folder so cursors outlive a restart. */
async function cursorSigningKey(folder: DataFolder | null): Promise<string> {
  const stored = (await folder?.read('cursorKey'))?.trim();
  if (stored) return stored;
  const key = randomBytes(32).toString('base64url');
  await folder?.write('cursorKey', key);
  return key;
}

/**
 * Runs the whole API on this machine: dynalite (on disk under `dataDir`), the table, the same
 * handler modules Lambda runs, and the local gateway in front of them.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const folder = options.dataDir ? new DataFolder(options.dataDir) : null;
  // Secured before anything is read or written in it, so no new file is ever readable by others.
  const warnings = folder?.secure() ?? [];
  const lock = folder ? lockDataFolder(folder) : { release() {} };
  try {
    if (stackStarted) {
      throw new Error(
        'a local stack was already started in this process: its handler modules keep the first configuration, as a Lambda container does; start another process',
      );
    }
    stackStarted = true;
    const tableName = options.tableName ?? 'todolist';
    const signingKey = await loadSigningKey(folder);
    const machineOwner = options.machineOwner?.includes('@')
      ? subjectFor(options.machineOwner, signingKey.kid)
      : options.machineOwner;
    const machineClient = machineOwner ? await loadMachineClient(folder, machineOwner) : undefined;
    const database = await startDynalite(folder ? { path: folder.path('database') } : {});
    const client = new DynamoDBClient({
      endpoint: database.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(client, tableName);
    client.destroy();

    // The gateway listens first, so its real port (even a random one) is known before the
    // handlers load: they read their configuration once, when their modules load, as in a
    // Lambda container. Until they are in place the gateway answers 503.
    const handlers: Partial<Record<RouteName, ProxyHandler>> = {};
    const allowedOrigins = [...(options.allowedOrigins ?? [])];
    const gateway = await startGateway({
      handlers,
      port: options.port ?? 3000,
      ...(options.host ? { host: options.host } : {}),
      ...(options.siteDir ? { siteDir: options.siteDir } : {}),
      allowedOrigins,
      ...(options.throttle !== undefined ? { throttle: options.throttle } : {}),
      auth: (port) => createLocalAuth(signingKey, port, machineClient),
    }).catch(async (error) => {
      await database.close();
      throw error;
    });
    const port = new URL(gateway.url).port;
    allowedOrigins.unshift(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
    // The handlers read these when their modules load; a variable left over from the shell
    // (MACHINE_OWNERS, say) must not reach them.
    for (const name of HANDLER_VARIABLES) delete process.env[name];
    Object.assign(
      process.env,
      handlerEnvironment({
        tableName,
        dynamodbEndpoint: database.endpoint,
        cursorSigningKey: { key: await cursorSigningKey(folder) },
        machineOwners: machineClient ? { [machineClient.clientId]: machineClient.owner } : {},
        allowedOrigins,
      }),
    );
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
    Object.assign(handlers, await loadHandlers());
    return {
      url: gateway.url,
      gateway,
      dynamodbEndpoint: database.endpoint,
      tableName,
      issuer: issuerFor(Number(port)),
      machineClient,
      dataFolder: folder,
      warnings,
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
