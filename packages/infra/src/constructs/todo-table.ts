import { TABLE_KEY, TODO_INDEXES, TTL_ATTRIBUTE } from '@todolist/handlers';
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
 * The local secondary indexes of the handlers' `TODO_INDEXES`, as CDK declares them: each on the
 * table's partition key with its own string sort key, projecting every attribute (a listing
 * reads whole todos from the index, never the table again).
 */
export function localIndexes(): dynamodb.LocalSecondaryIndexProps[] {
  return Object.values(TODO_INDEXES).map((index) => ({
    indexName: index.name,
    sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
    projectionType: dynamodb.ProjectionType.ALL,
  }));
}

/**
 * The one DynamoDB table of DESIGN.md: each person's lists, todos and memberships under
 * `USER#…`, with the claims of their `Idempotency-Key`s beside them, expiring by TTL, and the
 * three local secondary indexes the store reads them by; a stream of new and old images, read
 * by the live pusher. On-demand, point-in-time recovery,
 * deletion protection, encrypted with the AWS managed key, and kept when the stack is deleted or
 * the table replaced, but not when the deployment that created it fails.
 */
export class TodoTable extends Construct {
  /**
   * The table as the functions and alarms name it: by its fixed name, never by a reference to
   * the resource, so nothing in the stack waits for the table and it can be created last (see
   * {@link createdLast}).
   */
  readonly table: dynamodb.ITableV2;
  /** The table resource itself. */
  readonly resource: dynamodb.TableV2;
  /** This region's stream of the table (NEW_AND_OLD_IMAGES): a reference to the resource, so whatever names it is created after the table. */
  readonly streamArn: string;

  /** The table by its name in this stack's region: a primary's, or the replica of another region's. */
  static named(scope: Construct, id: string, tableName: string): dynamodb.ITableV2 {
    return dynamodb.TableV2.fromTableName(scope, id, tableName);
  }

  constructor(scope: Construct, id: string, props: TodoTableProps) {
    super(scope, id);
    this.resource = new dynamodb.TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: TABLE_KEY.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Kept on a stack deletion or a replacement; deleted when the deployment creating it rolls back.
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The AWS managed key (aws/dynamodb): encrypted with KMS and logged in CloudTrail, with no
      // key policy to keep in step across replicas and nothing to grant the functions.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      replicas: (props.replicaRegions ?? []).map((region) => ({ region })),
      // Every write, with the item before and after it, for live pushes (each replica has its
      // own stream, which carries the other regions' writes too). A global table needs one anyway.
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      // Local, not global: read as consistently as their items. DynamoDB takes them only when it
      // creates a table, so a table made without them must be replaced (see the README).
      localSecondaryIndexes: localIndexes(),
    });
    this.table = TodoTable.named(this, 'ByName', props.tableName);
    this.streamArn = this.resource.tableStreamArn as string;
  }

  /**
   * Makes the table the last resource of its stack to be created. A rollback deletes what a
   * failed deployment created, but deletion protection refuses to delete the table: had it been
   * created before the failure, the rollback would stop on it and the retry would find its
   * fixed name taken. Created last, it exists only once everything else has succeeded.
   *
   * `readers` are the constructs that must name the table itself (the live pusher's stream
   * mapping, by {@link streamArn}): they come after it, the only resources that do.
   */
  createdLast(others: readonly Construct[], readers: readonly Construct[] = []): void {
    for (const other of others) {
      if (other !== this && !readers.includes(other)) this.resource.node.addDependency(other);
    }
  }
}
