import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import type { BuildOutputs } from '../build-outputs.js';
import type { InfraConfig } from '../config.js';
import { ApiDomain } from '../constructs/api-domain.js';
import { CursorSigningKey } from '../constructs/cursor-signing-key.js';
import { LogBucket } from '../constructs/log-bucket.js';
import { TodoApi } from '../constructs/todo-api.js';
import { TodoMonitoring } from '../constructs/todo-monitoring.js';
import { TodoSite } from '../constructs/todo-site.js';
import { TodoTable } from '../constructs/todo-table.js';

/** The physical names every region's stack agrees on. */
export const TABLE_NAME = 'todolist';
export const CURSOR_KEY_SECRET_NAME = 'todolist/cursor-signing-key';

/** Options of {@link ApiStack}. */
export interface ApiStackProps extends StackProps {
  readonly config: InfraConfig;
  readonly build: BuildOutputs;
  /** Regions holding replicas of this stack's table and secret; `undefined` in a replica region. */
  readonly replicaRegions: readonly string[] | undefined;
}

/**
 * The API in one region: the table (created by the primary region, replicated to the others),
 * the cursor key, the REST API and its functions, monitoring, `api.<domain>` when there is a
 * domain, and, without a domain, the page too (it then needs the API's default URL, and the API
 * its CloudFront origin).
 */
export class ApiStack extends Stack {
  readonly api: TodoApi;
  readonly site: TodoSite | undefined;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    const primary = props.replicaRegions !== undefined;
    const table = primary
      ? new TodoTable(this, 'Data', { tableName: TABLE_NAME, replicaRegions: props.replicaRegions }).table
      : TodoTable.replica(this, 'Data', TABLE_NAME);
    const cursorSigningKey = primary
      ? new CursorSigningKey(this, 'CursorKey', {
          secretName: CURSOR_KEY_SECRET_NAME,
          replicaRegions: props.replicaRegions,
        })
      : CursorSigningKey.replica(this, 'CursorKey', CURSOR_KEY_SECRET_NAME);

    let site: TodoSite | undefined;
    const siteOrigin = config.domain
      ? `https://${config.domain.appHost}`
      : Lazy.string({ produce: () => site?.origin ?? '' });
    this.api = new TodoApi(this, 'Api', {
      table,
      cursorSigningKey,
      build: props.build,
      siteOrigin,
      localOrigins: config.localOrigins,
    });
    const apiUrl = config.domain ? `https://${config.domain.apiHost}` : this.api.defaultEndpoint;
    if (config.domain) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: config.domain.hostedZoneId,
        zoneName: config.domain.name,
      });
      new ApiDomain(this, 'ApiDomain', {
        api: this.api.api,
        domainName: config.domain.apiHost,
        zone,
        latencyRouted: config.regions.length > 1,
      });
    } else {
      site = new TodoSite(this, 'Site', {
        build: props.build,
        apiUrl,
        logBucket: new LogBucket(this, 'Logs').bucket,
      });
      new CfnOutput(this, 'SiteUrl', { value: site.origin, description: 'The page' });
    }
    this.site = site;
    new TodoMonitoring(this, 'Monitoring', {
      api: this.api.api,
      functions: this.api.functions,
      table,
      alarmEmail: config.alarmEmail,
    });
    new CfnOutput(this, 'ApiUrl', { value: apiUrl, description: 'The API: its routes are under /v1 here' });
  }
}
