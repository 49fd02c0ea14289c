import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { tableDefinition } from '../../src/store/table-schema.js';

// Runs before each test file's imports: the handler modules read this environment when they
// load, as in a Lambda container, and each file gets a fresh table on the shared dynalite.
const endpoint = inject('dynamodbEndpoint');
const tableName = `todos-${randomBytes(6).toString('hex')}`;
Object.assign(process.env, {
  TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: endpoint,
  CURSOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
  MACHINE_OWNERS: JSON.stringify({ 'machine-client': 'owner-of-imports' }),
  ALLOWED_ORIGINS: 'https://app.todolist.test',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_REGION: 'local',
});

const client = new DynamoDBClient({
  endpoint,
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
await client.send(new CreateTableCommand(tableDefinition(tableName)));
client.destroy();
