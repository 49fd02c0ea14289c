import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiStack } from '../src/stacks/api-stack.js';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

let synthesized: Synthesized;
let primary: Template;
let replicaStack: ApiStack;
let replica: Template;

beforeAll(() => {
  synthesized = synthesize(VARIANTS.multiRegion);
  primary = synthesized.template(synthesized.primary);
  replicaStack = synthesized.stack<ApiStack>('Todolist-eu-west-1');
  replica = synthesized.template(replicaStack);
});

describe('with regions=us-east-1,eu-west-1', () => {
  it('deploys the API in each region, the page once in us-east-1, and a region only after the primary', () => {
    expect([synthesized.primary.region, replicaStack.region, synthesized.site?.region]).toEqual([
      'us-east-1',
      'eu-west-1',
      'us-east-1',
    ]);
    expect(replicaStack.dependencies).toContain(synthesized.primary);
    for (const template of [primary, replica]) {
      template.resourceCountIs('AWS::ApiGateway::RestApi', 1);
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    }
  });

  it('makes the table a global table with a replica per other region, and the cursor key a replicated secret', () => {
    primary.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: Match.arrayWith([
        Match.objectLike({ Region: 'eu-west-1' }),
        Match.objectLike({ Region: 'us-east-1' }),
      ]),
    });
    primary.hasResourceProperties('AWS::SecretsManager::Secret', {
      ReplicaRegions: [{ Region: 'eu-west-1' }],
    });
    replica.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    replica.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  it("points each region's functions at its own replica of the table and the secret", () => {
    // The replica's indexes too: a local secondary index is in every replica of a global table.
    replica.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'dynamodb:Query',
            Resource: Match.arrayWith([
              'arn:aws:dynamodb:eu-west-1:123456789012:table/prod-todolist/index/byList',
            ]),
          }),
        ]),
      },
    });
    replica.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: 'prod-todolist',
          CURSOR_SIGNING_KEY_SECRET_ARN:
            'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod-todolist/cursor-signing-key',
        }),
      },
    });
    replica.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:Query']),
            Resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/prod-todolist',
          }),
        ]),
      },
    });
  });

  it("gives each region its own certificate and custom domain for api.<domain>, whose records are the routing stack's", () => {
    for (const template of [primary, replica]) {
      template.hasResourceProperties('AWS::CertificateManager::Certificate', {
        DomainName: 'api.todolist.com',
      });
      template.hasResourceProperties('AWS::ApiGateway::DomainName', {
        DomainName: 'api.todolist.com',
        EndpointConfiguration: { Types: ['REGIONAL'] },
        SecurityPolicy: 'TLS_1_2',
      });
      template.hasResourceProperties('AWS::ApiGateway::BasePathMapping', { BasePath: 'v1' });
      template.resourceCountIs('AWS::Route53::RecordSet', 0);
      template.resourceCountIs('AWS::Route53::HealthCheck', 0);
    }
  });

  it("allows only the page's origin in every region", () => {
    replica.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ ALLOWED_ORIGINS: 'https://app.todolist.com' }) },
    });
    replica.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseParameters: Match.objectLike({
        'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.todolist.com'",
      }),
    });
  });
});
