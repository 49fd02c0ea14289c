import { TABLE_KEY, TTL_ATTRIBUTE } from '@todolist/handlers';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** Options of {@link TodoTable}. */
export interface TodoTableProps {
  /** The table's name: fixed, so each region's stack can name its replica without a cross-region reference. */
  readonly tableName: string;
  /** Regions besides this stack's that hold a replica (a DynamoDB global table). @default none */
  readonly replicaRegions?: readonly string[];
}

/**
 * The one DynamoDB table of DESIGN.md: each person's todos under `USER#…`, with the claims of
 * their `Idempotency-Key`s beside them, expiring by TTL. On-demand, point-in-time recovery, deletion protection,
 * encrypted with the AWS managed key, and kept when the stack is deleted.
 */
export class TodoTable extends Construct {
  readonly table: dynamodb.ITableV2;

  /** The replica in this stack's region of the table a primary region's stack created. */
  static replica(scope: Construct, id: string, tableName: string): dynamodb.ITableV2 {
    return dynamodb.TableV2.fromTableName(scope, id, tableName);
  }

  constructor(scope: Construct, id: string, props: TodoTableProps) {
    super(scope, id);
    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: TABLE_KEY.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The AWS managed key (aws/dynamodb): encrypted with KMS and logged in CloudTrail, with no
      // key policy to keep in step across replicas and nothing to grant the functions.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      replicas: (props.replicaRegions ?? []).map((region) => ({ region })),
    });
  }
}
