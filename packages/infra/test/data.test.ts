import { TODO_INDEXES } from '@todolist/handlers';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize, VARIANTS } from './support/synth.js';

let template: Template;

beforeAll(() => {
  const synthesized = synthesize(VARIANTS.customDomain);
  template = synthesized.template(synthesized.primary);
});

let multiRegion: Template | undefined;
/** The primary's template with two regions: the global table with a replica in each. */
const multiRegionTemplate = () => {
  if (!multiRegion) {
    const synthesized = synthesize(VARIANTS.multiRegion);
    multiRegion = synthesized.template(synthesized.primary);
  }
  return multiRegion;
};

const tableOf = (of: Template) => {
  const [entry] = Object.entries(of.findResources('AWS::DynamoDB::GlobalTable'));
  if (!entry) throw new Error('no table');
  return { id: entry[0], resource: entry[1] };
};

describe('the todo table', () => {
  it('is the key schema of the handlers, on demand, with point-in-time recovery, deletion protection and TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'prod-todolist',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([{ AttributeName: 'pk', AttributeType: 'S' }]),
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          Region: 'eu-west-1',
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  it("declares the handlers' three local secondary indexes, each a string sort key projecting every attribute", () => {
    const indexes = Object.values(TODO_INDEXES);
    expect(indexes.map((index) => index.name).sort()).toEqual([
      'byChange',
      'byDue',
      'byList',
      'byPosition',
      'byPriority',
    ]);
    for (const variant of [template, multiRegionTemplate()]) {
      const table = tableOf(variant).resource.Properties;
      expect(table.LocalSecondaryIndexes).toEqual(
        indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
      expect(table.AttributeDefinitions).toEqual(
        expect.arrayContaining(
          indexes.map((index) => ({ AttributeName: index.sortKey, AttributeType: 'S' })),
        ),
      );
      // An LSI is declared once for the global table: every replica has it, none declares its own.
      expect(table.GlobalSecondaryIndexes).toBeUndefined();
    }
  });

  it('is kept when the stack is deleted or the table replaced, but not when the deployment creating it fails', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('is created after every other resource of its stack but the stream mapping, so a failed first deploy leaves no protected table behind', () => {
    const { id, resource } = tableOf(template);
    const resources = template.toJSON().Resources as Record<string, { Type: string }>;
    // The live pusher's mapping names the table's stream: it alone comes after the table.
    const readers = Object.keys(resources).filter(
      (other) => resources[other]?.Type === 'AWS::Lambda::EventSourceMapping',
    );
    expect(readers).toHaveLength(1);
    const others = Object.keys(resources).filter(
      (other) => other !== id && other !== 'CDKMetadata' && !readers.includes(other),
    );
    expect(others.length).toBeGreaterThan(50);
    expect([...resource.DependsOn].sort()).toEqual(others.sort());
    // Nothing else names the table by reference, so nothing else waits for it (no cycle).
    const rest = JSON.stringify(Object.fromEntries(others.map((other) => [other, resources[other]])));
    expect(rest).not.toContain(`"Ref":"${id}"`);
    expect(rest).not.toContain(`"${id}",`);
  });

  it('takes the stage into every fixed name', () => {
    const staging = synthesize({ ...VARIANTS.customDomain, stage: 'staging' });
    const stagingTemplate = staging.template(staging.primary);
    stagingTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TableName: 'staging-todolist' });
    stagingTemplate.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'staging-todolist/cursor-signing-key',
    });
    stagingTemplate.hasResourceProperties('AWS::SSM::Parameter', { Name: '/staging-todolist/auth' });
    stagingTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['', ['staging-todolist-', { Ref: 'AWS::AccountId' }]] },
    });
    stagingTemplate.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'staging-todolist' });
    stagingTemplate.hasResourceProperties('AWS::XRay::SamplingRule', {
      SamplingRule: Match.objectLike({ RuleName: 'staging-todolist-health' }),
    });
    const alarmNames = Object.values(stagingTemplate.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties.AlarmName as string,
    );
    expect(alarmNames.every((name) => name.startsWith('staging-todolist-'))).toBe(true);
    expect(
      staging.app.node.children
        .filter((child) => child instanceof Stack)
        .map((child) => (child as Stack).stackName),
    ).toEqual(['staging-Todolist', 'staging-Todolist-Site', 'staging-Todolist-Routing']);
  });
});

describe('the cursor signing key', () => {
  it('is generated by Secrets Manager under a fixed name, and never written into the template', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'prod-todolist/cursor-signing-key',
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret'));
    expect(secrets.map((secret) => secret.Properties.SecretString)).toEqual([undefined]);
  });
});
