import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DataFolder } from './data/data-folder.js';
import { lockDataFolder } from './data/data-lock.js';
import { type DynaliteServer, startDynalite } from './data/dynalite.js';
import { ensureTable } from './data/table.js';
import { type Gateway, startGateway } from './gateway/gateway.js';
import type { ThrottleSettings } from './gateway/throttle.js';
import { loadHandlerBundles } from './handler-bundles.js';
import { createLocalAuth } from './issuer/local-auth.js';
import { issuerFor } from './issuer/local-authority.js';
import { loadMachineClient, type MachineClient } from './issuer/machine-client.js';
import { RefreshTokens } from './issuer/refresh-tokens.js';
import { loadSigningKey, type SigningKey } from './issuer/signing-key.js';
import { subjectFor } from './issuer/subject.js';
import { type LivePush, startLivePush } from './live/live-push.js';

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
  /** The live pushes (`LIVE_PATH`): `settled()` resolves once every write so far has poked whom it concerns. */
  live: Pick<LivePush, 'settled'>;
  /** Stops the gateway, waits for requests in flight, then closes the database. */
  close(): Promise<void>;
}

/** The key that signs list cursors, kept in the data folder so cursors outlive a restart. */
async function cursorSigningKey(folder: DataFolder | null): Promise<string> {
  const stored = (await folder?.read('cursorKey'))?.trim();
  if (stored) return stored;
  const key = randomBytes(32).toString('base64url');
  await folder?.write('cursorKey', key);
  return key;
}

/** dynalite with the table in it, made on first start (the data folder's, or in memory). */
async function startDatabase(folder: DataFolder | null, tableName: string): Promise<DynaliteServer> {
  const database = await startDynalite(folder ? { path: folder.path('database') } : {});
  const client = new DynamoDBClient({
    endpoint: database.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await ensureTable(client, tableName);
  } catch (error) {
    await database.close();
    throw error;
  } finally {
    client.destroy();
  }
  return database;
}

/** The machine client for `machineOwner` (a subject, or an e-mail address signed in here). */
async function machineClientFor(
  folder: DataFolder | null,
  signingKey: SigningKey,
  machineOwner: string | undefined,
): Promise<MachineClient | undefined> {
  const owner = machineOwner?.includes('@') ? subjectFor(machineOwner, signingKey.kid) : machineOwner;
  return owner ? loadMachineClient(folder, owner) : undefined;
}

/**
 * Runs the whole API on this machine: dynalite (on disk under `dataDir`), the table, the
 * handlers' Lambda bundles, the local user pool, and the local gateway in front of them.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const folder = options.dataDir ? new DataFolder(options.dataDir) : null;
  // Secured before anything is read or written in it, so no new file is ever readable by others.
  const warnings = folder?.secure() ?? [];
  const lock = folder ? lockDataFolder(folder) : { release() {} };
  let database: DynaliteServer | undefined;
  let live: LivePush | undefined;
  try {
    const tableName = options.tableName ?? 'todolist';
    const signingKey = await loadSigningKey(folder);
    const refreshTokens = await RefreshTokens.load(folder);
    const machineClient = await machineClientFor(folder, signingKey, options.machineOwner);
    const cursorKey = await cursorSigningKey(folder);
    database = await startDatabase(folder, tableName);
    const { endpoint } = database;
    const push = startLivePush(database, tableName);
    live = push;
    const gateway = await startGateway({
      port: options.port ?? 3000,
      ...(options.host ? { host: options.host } : {}),
      ...(options.siteDir ? { siteDir: options.siteDir } : {}),
      extraOrigins: options.allowedOrigins ?? [],
      ...(options.throttle !== undefined ? { throttle: options.throttle } : {}),
      services: async (port, allowedOrigins) => {
        const bundles = await loadHandlerBundles({
          tableName,
          dynamodbEndpoint: endpoint,
          cursorSigningKey: { key: cursorKey },
          machineOwners: machineClient ? { [machineClient.clientId]: machineClient.owner } : {},
          allowedOrigins,
        });
        // The user pool runs the sign-in trigger as Cognito does (packages/handlers' triggers).
        const auth = createLocalAuth(
          { key: signingKey, refreshTokens, machineClient, preTokenGeneration: bundles.triggers.signIn },
          port,
        );
        return {
          auth,
          handlers: bundles.routes,
          live: push.endpoint({ auth, origins: allowedOrigins, machineClient }),
        };
      },
    });
    await gateway.ready.catch(async (error: unknown) => {
      await gateway.close();
      throw error;
    });
    const running = database;
    return {
      url: gateway.url,
      gateway,
      dynamodbEndpoint: endpoint,
      tableName,
      issuer: issuerFor(gateway.port),
      machineClient,
      dataFolder: folder,
      warnings,
      live: push,
      close: async () => {
        await gateway.close();
        await push.close();
        await running.close();
        lock.release();
      },
    };
  } catch (error) {
    await live?.close();
    await database?.close();
    lock.release();
    throw error;
  }
}
