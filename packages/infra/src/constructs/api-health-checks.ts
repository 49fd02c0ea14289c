import { type Health, routes } from '@todolist/sdk/contract';
import { Duration, Stack, Tags } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

/** Where Route 53 checks each region's API from: three regions, Route 53's minimum. */
export const HEALTH_CHECKER_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];

/** What a healthy answer of `GET /v1/health` holds, as Route 53 searches its body for it. */
export const HEALTHY_BODY = JSON.stringify({ status: 'ok' } satisfies Health).slice(1, -1);

/** One region's API, as its health check reaches it. */
export interface CheckedApi {
  readonly region: string;
  /** The REST API's id: its default endpoint is `<id>.execute-api.<region>.<suffix>`. */
  readonly restApiId: string;
}

/** Options of {@link ApiHealthChecks}. */
export interface ApiHealthChecksProps {
  readonly apis: readonly CheckedApi[];
  /** The region taken out by hand: its check is inverted, so it reports unhealthy. @default none */
  readonly drain?: string | undefined;
  /** @default 10 seconds (a "fast" check: a failing region is noticed in about 30 s) */
  readonly interval?: Duration;
  /** The `Name` tag of a region's check, as the Route 53 console lists it. @default `todolist API <region>` */
  readonly name?: (region: string) => string;
  /** Tagged on each check, so a change in a region's API updates the check (see `RoutingStack`). @default none */
  readonly revision?: string;
}

/**
 * A Route 53 health check of each region's API: `GET /v1/health` on its default endpoint (the
 * handler answers `{"status":"ok"}` only after a real read of the table, 503 otherwise), over
 * HTTPS with the body searched for {@link HEALTHY_BODY}.
 */
export class ApiHealthChecks extends Construct {
  /** Each region's check, by region. */
  readonly byRegion: ReadonlyMap<string, route53.HealthCheck>;

  constructor(scope: Construct, id: string, props: ApiHealthChecksProps) {
    super(scope, id);
    const byRegion = new Map<string, route53.HealthCheck>();
    for (const api of props.apis) {
      const check = new route53.HealthCheck(this, api.region, {
        type: route53.HealthCheckType.HTTPS_STR_MATCH,
        fqdn: `${api.restApiId}.execute-api.${api.region}.${Stack.of(this).urlSuffix}`,
        // The stage is `v1`, so the route's path is the same on the default endpoint.
        resourcePath: routes.health.path,
        searchString: HEALTHY_BODY,
        port: 443,
        enableSNI: true,
        requestInterval: props.interval ?? Duration.seconds(10),
        failureThreshold: 3,
        // Every checker's call is a billed API Gateway request, Lambda invocation and table read.
        regions: HEALTH_CHECKER_REGIONS,
        // The hand switch: an inverted check reports the healthy region unhealthy, so Route 53
        // stops answering with it, and reports healthy again once the context drops `drain`.
        inverted: props.drain === api.region,
      });
      Tags.of(check).add('Name', props.name?.(api.region) ?? `todolist API ${api.region}`);
      if (props.revision) Tags.of(check).add('revision', props.revision);
      byRegion.set(api.region, check);
    }
    this.byRegion = byRegion;
  }
}
