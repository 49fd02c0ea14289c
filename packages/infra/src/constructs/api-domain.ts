import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { API_STAGE } from './todo-api.js';

/** Options of {@link ApiDomain}. */
export interface ApiDomainProps {
  readonly api: apigateway.RestApi;
  /** `api.<domain>`. */
  readonly domainName: string;
  /** Where the certificate is validated by DNS. */
  readonly zone: route53.IHostedZone;
}

/**
 * `api.<domain>` in this region: a regional custom domain with its own certificate (TLS 1.2), the
 * stage mapped at `/v1` so paths read as on the default endpoint. Its DNS records are the routing
 * stack's (`ApiRouting`), which sees every region at once.
 */
export class ApiDomain extends Construct {
  readonly domain: apigateway.DomainName;

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
  }
}
