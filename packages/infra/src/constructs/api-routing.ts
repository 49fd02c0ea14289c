import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import type { GeoLocation, ApiRouting as Routing } from '../routing-config.js';

/** One region's `api.<domain>`: the alias target of its regional custom domain, and its health check. */
export interface RoutedApi {
  readonly region: string;
  /** The regional custom domain's `d-….execute-api.<region>.amazonaws.com` name. */
  readonly dnsName: string;
  readonly hostedZoneId: string;
  /** @default none (a single region is answered whatever its health) */
  readonly healthCheckId?: string;
}

/** Options of {@link ApiRouting}. */
export interface ApiRoutingProps {
  readonly hostedZoneId: string;
  /** `api.<domain>`. */
  readonly recordName: string;
  /** How the regions share the name. @default a plain alias of the only region */
  readonly routing?: Routing | undefined;
  readonly apis: readonly RoutedApi[];
  /** Written into the change batch's comment, so a change in a region's API updates the records. @default none */
  readonly revision?: string;
}

type RecordSet = route53.CfnRecordSetGroup.RecordSetProperty;

function geoLocation(location: GeoLocation): route53.CfnRecordSetGroup.GeoLocationProperty {
  if ('continent' in location) return { continentCode: location.continent };
  if ('country' in location) return { countryCode: location.country };
  return { countryCode: '*' };
}

/**
 * The records of `api.<domain>`, all in one `AWS::Route53::RecordSetGroup`: CloudFormation sends
 * a group to Route 53 as one change batch, which Route 53 applies as a transaction. So growing
 * from one region to two, or changing the routing policy, deletes the old records and creates the
 * new ones at once; records with the same name and type but another policy could not coexist for
 * a moment. Each policy has its own set identifiers (`api-<policy>-…`), so a policy change is a
 * delete and a create, never an in-place change of policy. Every record is an alias that
 * evaluates its target's health, and with several regions carries its region's health check.
 */
export class ApiRouting extends Construct {
  readonly records: route53.CfnRecordSetGroup;

  constructor(scope: Construct, id: string, props: ApiRoutingProps) {
    super(scope, id);
    this.records = new route53.CfnRecordSetGroup(this, 'Records', {
      hostedZoneId: props.hostedZoneId,
      comment: `todolist: ${props.recordName}${props.revision ? ` (revision ${props.revision})` : ''}`,
      recordSets: this.#recordSets(props),
    });
  }

  #recordSets(props: ApiRoutingProps): RecordSet[] {
    const byRegion = new Map(props.apis.map((api) => [api.region, api]));
    const record = (region: string, routing: Partial<RecordSet>): RecordSet => {
      const api = byRegion.get(region);
      if (!api) throw new Error(`no API in ${region} to route ${props.recordName} to`);
      return {
        name: props.recordName,
        type: 'A',
        aliasTarget: { dnsName: api.dnsName, hostedZoneId: api.hostedZoneId, evaluateTargetHealth: true },
        ...(api.healthCheckId ? { healthCheckId: api.healthCheckId } : {}),
        ...routing,
      };
    };
    const routing = props.routing;
    if (!routing) {
      const [only] = props.apis;
      if (!only || props.apis.length > 1) throw new Error('a plain alias routes to exactly one region');
      return [record(only.region, {})];
    }
    const regions = props.apis.map((api) => api.region);
    switch (routing.policy) {
      case 'latency':
        return regions.map((region) => record(region, { setIdentifier: `api-latency-${region}`, region }));
      case 'weighted':
        return regions.map((region) =>
          record(region, { setIdentifier: `api-weighted-${region}`, weight: routing.weights[region] ?? 0 }),
        );
      case 'geolocation':
        return routing.routes.map((route) =>
          record(route.region, {
            setIdentifier: `api-geo-${'default' in route.location ? 'default' : Object.values(route.location)[0]}`,
            geoLocation: geoLocation(route.location),
          }),
        );
      case 'failover':
        return [
          record(routing.primary, { setIdentifier: 'api-failover-primary', failover: 'PRIMARY' }),
          record(routing.secondary, { setIdentifier: 'api-failover-secondary', failover: 'SECONDARY' }),
        ];
    }
  }
}
