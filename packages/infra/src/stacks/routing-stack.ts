import { CrossStackReferences, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct, IConstruct } from 'constructs';
import type { DomainConfig } from '../config.js';
import { AlarmTopic } from '../constructs/alarm-topic.js';
import { ApiHealthChecks } from '../constructs/api-health-checks.js';
import { ApiRouting } from '../constructs/api-routing.js';
import { definitionDigest } from '../constructs/definition-digest.js';
import { HealthCheckAlarms, ROUTE53_METRICS_REGION } from '../constructs/health-check-alarms.js';
import type { StageNames } from '../names.js';
import type { ApiRouting as Routing } from '../routing-config.js';
import type { ApiStack } from './api-stack.js';

/** Options of {@link RoutingStack}. */
export interface RoutingStackProps extends StackProps {
  readonly domain: DomainConfig;
  /** Every region's API stack, each with its `api.<domain>` custom domain. */
  readonly regions: readonly ApiStack[];
  /** @default a plain alias: one region */
  readonly routing: Routing | undefined;
  /** The region taken out by hand. @default none */
  readonly drain: string | undefined;
  readonly names: StageNames;
  /** Subscribed to this stack's alarm topic when it needs its own. @default none */
  readonly alarmEmail?: string | undefined;
}

/**
 * `api.<domain>` and `live.<domain>` across the regions, in us-east-1: their records (a change
 * batch each, see `ApiRouting`), and with several regions a health check per region and an alarm on each
 * (Route 53's metrics exist in us-east-1 only, so these alarms can be made nowhere else).
 * It reads each region's API from that region's stack at deployment (`Fn::GetStackOutput`, a
 * weak reference: no export ties the stacks) and deploys after them all.
 */
export class RoutingStack extends Stack {
  readonly routing: ApiRouting;
  /** `live.<domain>`'s records: the same policy and health checks as `api.<domain>`'s, to each region's WebSocket API. */
  readonly liveRouting: ApiRouting;
  readonly healthChecks: ApiHealthChecks | undefined;

  constructor(scope: Construct, id: string, props: RoutingStackProps) {
    super(scope, id, props);
    // Weak references: a region's stack can be updated or removed without this one in the way.
    CrossStackReferences.of(this).consume(ReferenceStrength.WEAK);
    const { names } = props;
    const revision = RoutingStack.revision(props.regions);
    const domains = props.regions.map((stack) => {
      if (!stack.apiDomain || !stack.liveDomain)
        throw new Error(`${stack.stackName} has no api.<domain> and live.<domain> to route to`);
      return {
        region: stack.region,
        api: stack.api.api,
        domain: stack.apiDomain.domain,
        liveDomain: stack.liveDomain.domain,
      };
    });
    this.healthChecks =
      props.routing === undefined
        ? undefined
        : new ApiHealthChecks(this, 'HealthChecks', {
            apis: domains.map(({ region, api }) => ({ region, restApiId: api.restApiId })),
            drain: props.drain,
            name: (region) => `${names.stage} todolist API ${region}`,
            revision,
          });
    this.routing = new ApiRouting(this, 'ApiRecords', {
      hostedZoneId: props.domain.hostedZoneId,
      recordName: props.domain.apiHost,
      routing: props.routing,
      apis: domains.map(({ region, domain }) => {
        const check = this.healthChecks?.byRegion.get(region);
        return {
          region,
          dnsName: domain.domainNameAliasDomainName,
          hostedZoneId: domain.domainNameAliasHostedZoneId,
          ...(check ? { healthCheckId: check.healthCheckId } : {}),
        };
      }),
      revision,
    });
    // A region whose API is unhealthy is taken out of live.<domain> too: its pusher and its
    // API share the table and the region, and a client reconnects to the next region.
    this.liveRouting = new ApiRouting(this, 'LiveRecords', {
      hostedZoneId: props.domain.hostedZoneId,
      recordName: props.domain.liveHost,
      routing: props.routing,
      apis: domains.map(({ region, liveDomain }) => {
        const check = this.healthChecks?.byRegion.get(region);
        return {
          region,
          dnsName: liveDomain.regionalDomainName,
          hostedZoneId: liveDomain.regionalHostedZoneId,
          ...(check ? { healthCheckId: check.healthCheckId } : {}),
        };
      }),
      revision,
    });
    if (this.healthChecks) {
      new HealthCheckAlarms(this, 'HealthAlarms', {
        checks: this.healthChecks.byRegion,
        topic: this.#topic(props),
        drain: props.drain,
        alarmName: names.alarm,
      });
    }
  }

  /**
   * A digest of what this stack reads from each region (the REST API's id, the custom domain's
   * alias target). Those are resolved when this stack deploys: should a region's deployment
   * replace one, the digest changes this stack's template too, so it is deployed and reads again.
   */
  static revision(regions: readonly ApiStack[]): string {
    const read: IConstruct[] = regions.flatMap((stack) => [
      stack.api.api.node.defaultChild as IConstruct,
      ...(stack.apiDomain ? [stack.apiDomain.domain.node.defaultChild as IConstruct] : []),
      ...(stack.liveDomain ? [stack.liveDomain.domain.node.defaultChild as IConstruct] : []),
    ]);
    return definitionDigest(read);
  }

  /** The us-east-1 region's own alarm topic when the API runs there; a topic of this stack's otherwise. */
  #topic(props: RoutingStackProps): sns.ITopic {
    const local = props.regions.find((stack) => stack.region === ROUTE53_METRICS_REGION);
    return local?.monitoring.topic.topic ?? new AlarmTopic(this, 'Alarms', { email: props.alarmEmail }).topic;
  }
}
