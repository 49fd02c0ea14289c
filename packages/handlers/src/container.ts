import { loadCursorSigningKey, readConfig } from './config.js';
import { ChangesStore } from './store/changes-store.js';
import { createDynamoDbClients } from './store/client.js';
import { ListStore } from './store/list-store.js';
import { MemberStore } from './store/member-store.js';
import { SavedFilterStore } from './store/saved-filter-store.js';
import { TodoStore } from './store/todo-store.js';

// What a Lambda container creates once, at module load, and reuses for every request: Lambda
// runs module initialisation with boosted CPU, and the clients keep their connections warm.

/** The handlers' configuration, read from the environment. */
export const config = readConfig();

/** The DynamoDB clients. */
export const { client: dynamoDbClient, documentClient } = createDynamoDbClients(config);

// Only the routes that sign cursors (listing) need the key: it is read, from Secrets Manager on
// AWS, on the first call that does, once per container. The other routes' functions are given no
// secret at all, and none of them loads Powertools' parameters at cold start.
let cursorSigningKey: Promise<string> | undefined;
const readCursorSigningKey = () => {
  cursorSigningKey ??= loadCursorSigningKey(config.cursorSigningKey, async (secretArn) => {
    const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
    return getSecret(secretArn);
  }).catch((error: unknown) => {
    cursorSigningKey = undefined; // a failed read is tried again on the next call
    throw error;
  });
  return cursorSigningKey;
};

// The stores' settings, read once. Each store is marked pure and given identifiers only (a
// property read could have side effects, which keeps the call), so a route's bundle drops the
// stores its route never uses: about 12 KB of list and member code from each todo route.
const storeOptions = { tableName: config.tableName, cursorSigningKey: readCursorSigningKey };

/** The todos store. */
export const store = /* @__PURE__ */ new TodoStore(documentClient, storeOptions);

/** The lists store. */
export const lists = /* @__PURE__ */ new ListStore(documentClient, storeOptions);

/** Who is on each list, and what a sign-in records. */
export const members = /* @__PURE__ */ new MemberStore(documentClient, storeOptions);

/** The saved filters: each person's own named queries. */
export const filters = /* @__PURE__ */ new SavedFilterStore(documentClient, storeOptions);

/** The changes feed. */
export const changes = /* @__PURE__ */ new ChangesStore(documentClient, storeOptions);
