import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

/** Options of {@link LiveDomain}. */
export interface LiveDomainProps {
  readonly stage: apigatewayv2.WebSocketStage;
  /** `live.<domain>`. */
  readonly domainName: string;
  /** Where the certificate is validated by DNS. */
  readonly zone: route53.IHostedZone;
}

/**
 * `live.<domain>` in this region, as ApiDomain is `api.<domain>`: a regional custom domain with
 * its own certificate (TLS 1.2), the WebSocket stage mapped at its root, so clients connect to
 * `wss://live.<domain>` wherever they are. Its records are the routing stack's, beside the API's.
 */
export class LiveDomain extends Construct {
  readonly domain: apigatewayv2.DomainName;

  constructor(scope: Construct, id: string, props: LiveDomainProps) {
    super(scope, id);
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      validation: acm.CertificateValidation.fromDns(props.zone),
    });
    this.domain = new apigatewayv2.DomainName(this, 'Domain', {
      domainName: props.domainName,
      certificate,
      endpointType: apigatewayv2.EndpointType.REGIONAL,
      securityPolicy: apigatewayv2.SecurityPolicy.TLS_1_2,
    });
    new apigatewayv2.ApiMapping(this, 'Mapping', {
      api: props.stage.api,
      domainName: this.domain,
      stage: props.stage,
    });
  }
}
