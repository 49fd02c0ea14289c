import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import type { Construct } from 'constructs';
import type { BuildOutputs } from '../build-outputs.js';
import type { DomainConfig } from '../config.js';
import { LogBucket } from '../constructs/log-bucket.js';
import { PrimaryAuth } from '../constructs/primary-auth.js';
import { TodoSite } from '../constructs/todo-site.js';

/** Options of {@link SiteStack}. */
export interface SiteStackProps extends StackProps {
  readonly domain: DomainConfig;
  readonly build: BuildOutputs;
  /** The region of the primary API stack, whose user pool the page signs in with. */
  readonly primaryRegion: string;
  /** The primary's `authRevision`: the sign-in is read again when it changes. */
  readonly primaryAuthRevision: string;
  /** The parameter the primary region publishes its user pool in. */
  readonly authParameterName: string;
}

/**
 * The page at `app.<domain>`, in us-east-1 because CloudFront takes its certificate from there.
 * It names the API (and `live.<domain>`) by its domain and reads the user pool's sign-in from the primary region's
 * parameter, so it holds no reference to any region's stack; it deploys after the primary one.
 */
export class SiteStack extends Stack {
  readonly site: TodoSite;

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props);
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.domain.hostedZoneId,
      zoneName: props.domain.name,
    });
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.domain.appHost,
      validation: acm.CertificateValidation.fromDns(zone),
    });
    const { webSignIn } = new PrimaryAuth(this, 'Auth', {
      primaryRegion: props.primaryRegion,
      parameterName: props.authParameterName,
      revision: props.primaryAuthRevision,
    });
    this.site = new TodoSite(this, 'Site', {
      build: props.build,
      apiUrl: `https://${props.domain.apiHost}`,
      live: { url: `wss://${props.domain.liveHost}`, origin: `wss://${props.domain.liveHost}` },
      auth: webSignIn,
      signInOrigin: webSignIn.domain,
      domain: { name: props.domain.appHost, certificate },
      logBucket: new LogBucket(this, 'Logs').bucket,
    });
    const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.site.distribution));
    new route53.ARecord(this, 'Alias', { zone, recordName: props.domain.appHost, target });
    new route53.AaaaRecord(this, 'AliasV6', { zone, recordName: props.domain.appHost, target });
    new CfnOutput(this, 'SiteUrl', { value: this.site.origin, description: 'The page' });
  }
}
