import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import type { BuildOutputs } from '../build-outputs.js';
import type { InfraConfig } from '../config.js';
import { ApiDomain } from '../constructs/api-domain.js';
import { ApiWebAcl } from '../constructs/api-web-acl.js';
import { CursorSigningKey } from '../constructs/cursor-signing-key.js';
import { HealthTraceSampling } from '../constructs/health-trace-sampling.js';
import { LiveDomain } from '../constructs/live-domain.js';
import { LiveStream, replicaStreamArn } from '../constructs/live-stream.js';
import { LogBucket } from '../constructs/log-bucket.js';
import { RegionAuth } from '../constructs/region-auth.js';
import { SignInTrigger } from '../constructs/sign-in-trigger.js';
import { TodoApi } from '../constructs/todo-api.js';
import type { TodoAuth } from '../constructs/todo-auth.js';
import { TodoLive } from '../constructs/todo-live.js';
import { TodoMonitoring } from '../constructs/todo-monitoring.js';
import { TodoSite } from '../constructs/todo-site.js';
import { TodoTable } from '../constructs/todo-table.js';
import type { StageNames } from '../names.js';

/** Options of {@link ApiStack}. */
export interface ApiStackProps extends StackProps {
  readonly config: InfraConfig;
  readonly names: StageNames;
  readonly build: BuildOutputs;
  /** Regions holding replicas of this stack's table and secret; `undefined` in a replica region. */
  readonly replicaRegions: readonly string[] | undefined;
  /** In a replica region, the primary's `authRevision`: the user pool is read again when it changes. */
  readonly primaryAuthRevision?: string;
  /** In a replica region, the primary table's definition digest: its replica's stream ARN is read again when it changes. */
  readonly primaryTableRevision?: string;
}

/**
 * The API in one region: the table (created by the primary region, replicated to the others),
 * the cursor key, the REST API and its functions, the user pool and its sign-in trigger (in the
 * primary region), monitoring, `api.<domain>`'s regional custom domain when there is a domain
 * (its records are the routing stack's), a web ACL with `waf`, and, without a domain, the page
 * too (it then needs the API's default URL, and the API its CloudFront origin).
 */
export class ApiStack extends Stack {
  readonly api: TodoApi;
  /** The table, in the primary region (which creates it); undefined in the others. */
  readonly data: TodoTable | undefined;
  /** Live pushes: the WebSocket API and its functions. */
  readonly live: TodoLive;
  /** `live.<domain>` in this region, with a domain. */
  readonly liveDomain: LiveDomain | undefined;
  readonly site: TodoSite | undefined;
  /** The user pool and its clients: in the primary region only. */
  readonly auth: TodoAuth | undefined;
  /** The user pool's sign-in trigger: with the pool, in the primary region only. */
  readonly signIn: SignInTrigger | undefined;
  /** `api.<domain>` in this region, with a domain. */
  readonly apiDomain: ApiDomain | undefined;
  readonly monitoring: TodoMonitoring;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, names } = props;
    const primary = props.replicaRegions !== undefined;
    const data = primary
      ? new TodoTable(this, 'Data', { tableName: names.table, replicaRegions: props.replicaRegions })
      : undefined;
    this.data = data;
    const table = data?.table ?? TodoTable.named(this, 'Data', names.table);
    const cursorSigningKey = primary
      ? new CursorSigningKey(this, 'CursorKey', {
          secretName: names.cursorKeySecret,
          replicaRegions: props.replicaRegions,
        })
      : CursorSigningKey.replica(this, 'CursorKey', names.cursorKeySecret);

    let site: TodoSite | undefined;
    const siteOrigin = config.domain
      ? `https://${config.domain.appHost}`
      : Lazy.string({ produce: () => site?.origin ?? '' });
    const regionAuth = this.#auth(props, siteOrigin);
    const { userPool, machineClientId, pool: auth } = regionAuth;
    this.auth = auth;
    // The one user pool's trigger writes to the primary's table, which replicates to the others.
    this.signIn = auth
      ? new SignInTrigger(this, 'SignIn', {
          userPool: auth.userPool,
          bundleDir: props.build.lambdaBundle('signIn'),
          table,
          serviceName: names.service,
        })
      : undefined;
    // A client-credentials token's sub is its client id: the handlers map it to this owner.
    const machineOwners =
      config.machineOwner && machineClientId
        ? { machineOwners: { [machineClientId]: config.machineOwner } }
        : {};
    this.api = new TodoApi(this, 'Api', {
      table,
      cursorSigningKey,
      build: props.build,
      siteOrigin,
      localOrigins: config.localOrigins,
      userPool,
      restApiName: names.restApi,
      serviceName: names.service,
      webAclAssociated: config.waf,
      ...machineOwners,
    });
    this.live = new TodoLive(this, 'Live', {
      table,
      build: props.build,
      accessTokens: regionAuth.accessTokens,
      ...machineOwners,
      apiName: names.liveApi,
      serviceName: names.service,
      // The stage's logs need API Gateway's account settings, which the REST API makes.
      after: [this.api.api.node.findChild('Account')],
    });
    // The one construct that names the table itself: after it, not before (see createdLast below).
    const liveStream = new LiveStream(this, 'LiveStream', {
      pusher: this.live.functions.livePusher.function,
      streamArn: data
        ? data.streamArn
        : replicaStreamArn(this, 'ReplicaStream', names.table, props.primaryTableRevision ?? 'none'),
    });
    new HealthTraceSampling(this, 'HealthSampling', {
      api: this.api.api,
      ruleName: names.healthSamplingRule,
    });
    if (config.waf) {
      new ApiWebAcl(this, 'WebAcl', { stage: this.api.api.deploymentStage, name: names.webAcl, siteOrigin });
    }
    const apiUrl = config.domain ? `https://${config.domain.apiHost}` : this.api.defaultEndpoint;
    const liveUrl = config.domain ? `wss://${config.domain.liveHost}` : this.live.url;
    if (config.domain) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: config.domain.hostedZoneId,
        zoneName: config.domain.name,
      });
      this.apiDomain = new ApiDomain(this, 'ApiDomain', {
        api: this.api.api,
        domainName: config.domain.apiHost,
        zone,
      });
      this.liveDomain = new LiveDomain(this, 'LiveDomain', {
        stage: this.live.stage,
        domainName: config.domain.liveHost,
        zone,
      });
    } else {
      // Without a domain there is one region, this primary one, so the user pool is here.
      if (!auth) throw new Error('without a domain there is one region, which holds the user pool');
      site = new TodoSite(this, 'Site', {
        build: props.build,
        apiUrl,
        live: { url: liveUrl, origin: this.live.origin },
        signInOrigin: auth.domain.baseUrl(),
        logBucket: new LogBucket(this, 'Logs').bucket,
        auth: {
          issuer: auth.issuer,
          domain: auth.domain.baseUrl(),
          clientId: auth.webClient.userPoolClientId,
        },
      });
      new CfnOutput(this, 'SiteUrl', { value: site.origin, description: 'The page' });
    }
    this.site = site;
    this.monitoring = new TodoMonitoring(this, 'Monitoring', {
      api: this.api.api,
      functions: this.api.functions,
      table,
      serviceName: names.service,
      alarmEmail: config.alarmEmail,
      replicaRegions: config.regions.filter((region) => region !== this.region),
      alarmName: names.alarm,
      ...(this.signIn ? { signInTrigger: this.signIn.function } : {}),
      live: this.live,
    });
    if (auth) this.#authOutputs(auth);
    new CfnOutput(this, 'ApiUrl', { value: apiUrl, description: 'The API: its routes are under /v1 here' });
    new CfnOutput(this, 'LiveUrl', {
      value: liveUrl,
      description: 'Live pushes: a WebSocket opened with ?token=<access token> hears {"type":"changed"}',
    });
    // Everything else first: a failure before the table exists leaves no table for the rollback
    // to be refused deleting (see TodoTable.createdLast). The stream's mapping alone comes after.
    data?.createdLast(this.node.children, [liveStream]);
  }

  /** One user pool, in the primary region; the other regions' authorizers take it by its ARN. */
  #auth(props: ApiStackProps, siteOrigin: string): RegionAuth {
    const { config, names } = props;
    if (props.replicaRegions === undefined) {
      return new RegionAuth(this, 'Auth', {
        replicaOf: {
          primaryRegion: config.regions[0] as string,
          parameterName: names.authParameter,
          revision: props.primaryAuthRevision ?? 'none',
        },
      });
    }
    return new RegionAuth(this, 'Auth', {
      primary: {
        siteOrigin,
        localOrigins: config.localOrigins,
        ...(config.machineOwner ? { machineOwner: config.machineOwner } : {}),
        userPoolName: names.userPool,
        domainPrefix: names.domainPrefix(this.account),
        // Read by the other regions' stacks, and by the page's stack in us-east-1 with a domain.
        publish: props.replicaRegions.length > 0 || config.domain !== undefined,
        parameterName: names.authParameter,
      },
    });
  }

  #authOutputs(auth: TodoAuth): void {
    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output('UserPoolId', auth.userPool.userPoolId, 'The Cognito user pool of sign-in');
    output('AuthUrl', auth.domain.baseUrl(), 'Managed login: /oauth2/authorize, /oauth2/token, /logout');
    output('AuthIssuer', auth.issuer, "The tokens' issuer (OpenID configuration under /.well-known)");
    output('WebClientId', auth.webClient.userPoolClientId, "The page's app client (code + PKCE)");
    output('CliClientId', auth.cliClient.userPoolClientId, "The CLI's app client (code + PKCE, loopback)");
    if (auth.machineClient) {
      output(
        'MachineClientId',
        auth.machineClient.userPoolClientId,
        'The client-credentials client (its secret is in the console)',
      );
    }
  }
}
