import { readConfig } from './config.js';
import { createDynamoDbClients } from './store/client.js';
import { TodoStore } from './store/todo-store.js';

// What a Lambda container creates once, at module load, and reuses for every request: Lambda
// runs module initialisation with boosted CPU, and the clients keep their connections warm.

/** The handlers' configuration, read from the environment. */
export const config = readConfig();

/** The DynamoDB clients. */
export const { client: dynamoDbClient, documentClient } = createDynamoDbClients(config);

/** The todos store. */
export const store = new TodoStore(documentClient, {
  tableName: config.tableName,
  cursorSigningKey: config.cursorSigningKey,
});
