import type { SignInGrant } from './token-issuer.js';

/** The user pool's pre-token-generation trigger, as the local user pool calls it. */
export type PreTokenGeneration = (event: unknown) => Promise<unknown>;

/** Why tokens are issued: a sign-in through the hosted page, or a refresh. */
export type TokenSource = 'TokenGeneration_HostedAuth' | 'TokenGeneration_RefreshTokens';

/**
 * The event Cognito sends its pre-token-generation trigger (version 1), for a sign-in's tokens:
 * the same shape the trigger gets on AWS, so the same bundle runs in both places.
 */
export function preTokenGenerationEvent(grant: SignInGrant, source: TokenSource) {
  return {
    version: '1',
    triggerSource: source,
    region: 'local',
    userPoolId: 'local_todolist',
    userName: grant.sub,
    callerContext: { awsSdkVersion: 'local', clientId: grant.clientId },
    request: {
      userAttributes: { sub: grant.sub, email: grant.email, email_verified: 'true' },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
    },
    response: { claimsOverrideDetails: null },
  };
}
