import { routes } from '@todolist/sdk/contract';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as xray from 'aws-cdk-lib/aws-xray';
import { Construct } from 'constructs';
import { API_STAGE } from './todo-api.js';

/** Options of {@link HealthTraceSampling}. */
export interface HealthTraceSamplingProps {
  readonly api: apigateway.RestApi;
  /** The rule's name, unique in the account and region (32 characters at most). */
  readonly ruleName: string;
}

/**
 * An X-Ray sampling rule that records no trace of `GET /v1/health`. Route 53's checkers call it
 * every 10 seconds from three regions, about a million times a month per region: traced like
 * other requests (X-Ray's default rule records the first request each second), they would cost
 * more than all the API's real traffic at 1M requests. API Gateway decides, and the function
 * follows its decision, so the health function is not traced either.
 */
export class HealthTraceSampling extends Construct {
  readonly rule: xray.CfnSamplingRule;

  constructor(scope: Construct, id: string, props: HealthTraceSamplingProps) {
    super(scope, id);
    const stage = props.api.deploymentStage;
    const lastSegment = routes.health.path.slice(routes.health.path.lastIndexOf('/'));
    this.rule = new xray.CfnSamplingRule(this, 'Rule', {
      samplingRule: {
        ruleName: props.ruleName,
        // Before X-Ray's default rule (10000); nothing else of this API has a rule.
        priority: 100,
        fixedRate: 0,
        reservoirSize: 0,
        serviceName: `${props.api.restApiName}/${API_STAGE}`,
        serviceType: 'AWS::ApiGateway::Stage',
        host: '*',
        httpMethod: routes.health.method,
        // The path as the request named it: `/v1/health` on the default endpoint, the same on api.<domain>.
        urlPath: `*${lastSegment}`,
        resourceArn: stage.stageArn,
        version: 1,
      },
    });
  }
}
