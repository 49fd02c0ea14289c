import { createHash } from 'node:crypto';
import { CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * A digest of the CloudFormation definitions of every resource under `scopes`, as their stacks
 * will deploy them. It changes whenever a deployment may replace one of them (and so change an
 * id or name another stack read from it): a stack that reads such values at deployment carries
 * the digest, so its template changes too and CloudFormation reads them again.
 */
// It resolves the definitions when called (CDK computes a Lazy value once and keeps it): call it
// once the scopes' stacks are fully built, as createApp does, or later changes are left out.
export function definitionDigest(scopes: readonly IConstruct[]): string {
  const definitions = scopes.flatMap((scope) =>
    scope.node
      .findAll()
      .filter(CfnResource.isCfnResource)
      .map((resource) => Stack.of(resource).resolve(resource._toCloudFormation())),
  );
  return createHash('sha256').update(JSON.stringify(definitions)).digest('hex').slice(0, 16);
}
