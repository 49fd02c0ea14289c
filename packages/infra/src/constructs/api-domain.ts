import { routes } from '@todolist/sdk/contract';
import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { API_STAGE } from './todo-api.js';

/** Where Route 53 checks each region's API from. */
export const HEALTH_CHECKER_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];

/** Options of {@link ApiDomain}. */
export interface ApiDomainProps {
  readonly api: apigateway.RestApi;
  /** `api.<domain>`. */
  readonly domainName: string;
  readonly zone: route53.IHostedZone;
  /**
   * Answer `domainName` by latency, with a health check, among the regions that each do the
   * same: set when the API runs in more than one region. @default false: a plain alias
   */
  readonly latencyRouted?: boolean;
}

/**
 * `api.<domain>` for the API: a regional custom domain with its own certificate (TLS 1.2), the
 * stage mapped at `/v1` so paths read as on the default endpoint, and a Route 53 alias.
 */
export class ApiDomain extends Construct {
  readonly domain: apigateway.DomainName;
  readonly healthCheck: route53.HealthCheck | undefined;

  constructor(scope: Construct, id: string, props: ApiDomainProps) {
    super(scope, id);
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      validation: acm.CertificateValidation.fromDns(props.zone),
    });
    this.domain = new apigateway.DomainName(this, 'Domain', {
      domainName: props.domainName,
      certificate,
      endpointType: apigateway.EndpointType.REGIONAL,
      securityPolicy: apigateway.SecurityPolicy.TLS_1_2,
    });
    this.domain.addBasePathMapping(props.api, { basePath: API_STAGE, stage: props.api.deploymentStage });
    const region = Stack.of(this).region;
    // The OpenAPI route touches no table and no secret beyond cold start: a cheap sign that
    // API Gateway and Lambda answer in this region.
    this.healthCheck = props.latencyRouted
      ? new route53.HealthCheck(this, 'HealthCheck', {
          type: route53.HealthCheckType.HTTPS,
          fqdn: `${props.api.restApiId}.execute-api.${region}.${Stack.of(this).urlSuffix}`,
          resourcePath: routes.openapi.path,
          port: 443,
          enableSNI: true,
          // Three checkers (Route 53's minimum) rather than all eight: each calls every 30 s,
          // and every call is a billed API Gateway request and Lambda invocation.
          regions: HEALTH_CHECKER_REGIONS,
          failureThreshold: 3,
        })
      : undefined;
    new route53.ARecord(this, 'Alias', {
      zone: props.zone,
      recordName: props.domainName,
      target: route53.RecordTarget.fromAlias(new targets.ApiGatewayDomain(this.domain)),
      ...(this.healthCheck ? { region, setIdentifier: `api-${region}`, healthCheck: this.healthCheck } : {}),
    });
  }
}
