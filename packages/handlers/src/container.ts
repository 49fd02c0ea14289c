import { loadCursorSigningKey, readConfig } from './config.js';
import { createDynamoDbClients } from './store/client.js';
import { TodoStore } from './store/todo-store.js';

// What a Lambda container creates once, at module load, and reuses for every request: Lambda
// runs module initialisation with boosted CPU, and the clients keep their connections warm.

/** The handlers' configuration, read from the environment. */
export const config = readConfig();

/** The DynamoDB clients. */
export const { client: dynamoDbClient, documentClient } = createDynamoDbClients(config);

// In AWS the key is read from Secrets Manager once per container (top-level await runs during
// Lambda's init phase); Powertools is loaded only then, so local mode never touches it.
const cursorSigningKey = await loadCursorSigningKey(config.cursorSigningKey, async (secretArn) => {
  const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
  return getSecret(secretArn);
});

/** The todos store. */
export const store = new TodoStore(documentClient, {
  tableName: config.tableName,
  cursorSigningKey,
});
