import { CLI_CALLBACK_PORTS, cliCallbackUrl, RESOURCE_SERVER_ID } from '@todolist/sdk/contract';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Options of {@link TodoAuth}. */
export interface TodoAuthProps {
  /** The page's origin (`https://app.<domain>` or its CloudFront origin): the web client's redirect. */
  readonly siteOrigin: string;
  /** Local origins of a page served locally (`http://localhost:3000`): also web redirects. @default none */
  readonly localOrigins?: readonly string[];
  /** The owner id the machine client's tokens act for. @default none: no machine client */
  readonly machineOwner?: string;
  /**
   * Essentials is free up to 10,000 monthly active users; Plus ($0.02 per MAU from the first)
   * adds threat protection, which is then enforced.
   * @default cognito.FeaturePlan.ESSENTIALS
   */
  readonly featurePlan?: cognito.FeaturePlan;
  /** The prefix of the `<prefix>.auth.<region>.amazoncognito.com` domain. @default `todolist-<account>` */
  readonly domainPrefix?: string;
  /** @default 'todolist' */
  readonly userPoolName?: string;
}

/**
 * How long an access (and id) token of the page's and the CLI's clients is good for. Revoking a
 * session ends its refresh token at once, but API Gateway's Cognito authorizer checks an access
 * token's signature and expiry only, so a token already issued works until it expires: this is
 * how long a signed-out or disabled person can still call the API. Clients refresh silently.
 */
export const ACCESS_TOKEN_VALIDITY = Duration.minutes(10);

// Ten minutes of access between silent refreshes; a month before signing in again.
const TOKEN_VALIDITY = {
  accessTokenValidity: ACCESS_TOKEN_VALIDITY,
  idTokenValidity: ACCESS_TOKEN_VALIDITY,
  refreshTokenValidity: Duration.days(30),
  enableTokenRevocation: true,
  preventUserExistenceErrors: true,
} as const;

/**
 * Sign-in: a user pool (e-mail addresses, verified, strong passwords, optional TOTP), its
 * managed login pages on a Cognito domain, a resource server with the API's scopes, and app
 * clients for the page, the CLI and, with a machine owner, scripts.
 */
export class TodoAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly webClient: cognito.UserPoolClient;
  readonly cliClient: cognito.UserPoolClient;
  /** Present only with {@link TodoAuthProps.machineOwner}. */
  readonly machineClient: cognito.UserPoolClient | undefined;
  /** The tokens' `iss`: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: TodoAuthProps) {
    super(scope, id);
    const plan = props.featurePlan ?? cognito.FeaturePlan.ESSENTIALS;
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: props.userPoolName ?? 'todolist',
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // An unverified new address must not replace the verified one people sign in with.
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      signInCaseSensitive: false,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // No phone numbers are kept: SMS would cost per message and is the weaker channel.
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: plan,
      ...(plan === cognito.FeaturePlan.PLUS
        ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      // The accounts are the users' identities, as the table is their data: both outlive the
      // stack, but a pool made by a deployment that then fails is not kept (see the README: its
      // deletion protection can still stop that rollback).
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
    this.domain = this.userPool.addDomain('Domain', {
      // The account id makes the prefix unique (prefixes are global within a region) and stable.
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `todolist-${Stack.of(this).account}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const read = new cognito.ResourceServerScope({ scopeName: 'todos.read', scopeDescription: 'Read todos' });
    const write = new cognito.ResourceServerScope({
      scopeName: 'todos.write',
      scopeDescription: 'Create, change and delete todos',
    });
    const server = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: 'todolist API',
      scopes: [read, write],
    });
    const apiScopes = [
      cognito.OAuthScope.resourceServer(server, read),
      cognito.OAuthScope.resourceServer(server, write),
    ];
    // People's clients: sign-in on managed login, then tokens for the API and who they are.
    const userScopes = [
      cognito.OAuthScope.OPENID,
      cognito.OAuthScope.EMAIL,
      cognito.OAuthScope.PROFILE,
      ...apiScopes,
    ];
    const pageUrls = [props.siteOrigin, ...(props.localOrigins ?? [])].map((origin) => `${origin}/`);
    this.webClient = this.#publicClient('WebClient', 'todolist page', pageUrls, pageUrls, userScopes);
    const cliUrls = CLI_CALLBACK_PORTS.map(cliCallbackUrl);
    this.cliClient = this.#publicClient('CliClient', 'todolist CLI', cliUrls, cliUrls, userScopes);
    this.machineClient = props.machineOwner
      ? this.userPool.addClient('MachineClient', {
          userPoolClientName: `todolist machine (${props.machineOwner})`,
          generateSecret: true,
          oAuth: { flows: { clientCredentials: true }, scopes: apiScopes },
          accessTokenValidity: Duration.hours(1),
          enableTokenRevocation: true,
        })
      : undefined;
    for (const [name, client] of [
      ['WebLogin', this.webClient],
      ['CliLogin', this.cliClient],
    ] as const) {
      // Managed login (version 2) shows an error for a client without a style: Cognito's default.
      new cognito.CfnManagedLoginBranding(this, name, {
        userPoolId: this.userPool.userPoolId,
        clientId: client.userPoolClientId,
        useCognitoProvidedValues: true,
      });
    }
    this.#acknowledge(plan);
  }

  /**
   * A client without a secret (a page's script or a CLI cannot keep one): authorization code
   * only, which Cognito makes public clients complete with PKCE when they send a challenge;
   * managed login signs in, so the client itself needs only to refresh tokens.
   */
  #publicClient(
    id: string,
    name: string,
    callbackUrls: string[],
    logoutUrls: string[],
    scopes: cognito.OAuthScope[],
  ) {
    return this.userPool.addClient(id, {
      userPoolClientName: name,
      generateSecret: false,
      authFlows: { user: false },
      oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls, logoutUrls, scopes },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      ...TOKEN_VALIDITY,
    });
  }

  #acknowledge(plan: cognito.FeaturePlan): void {
    const pool = Validations.of(this.userPool);
    pool.acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP apps, no SMS): a todo list does not justify forcing every person to enrol an authenticator; those who want it turn it on in managed login.',
    });
    if (plan !== cognito.FeaturePlan.PLUS) {
      pool.acknowledge({
        id: 'AwsSolutions::AwsSolutions-COG8',
        reason:
          'The Essentials plan: free up to 10,000 monthly active users, where Plus bills $0.02 for each from the first. Sign-in is guarded by the strong password policy, optional TOTP and API throttling; pass featurePlan PLUS to TodoAuth to get enforced threat protection.',
      });
    }
  }
}
