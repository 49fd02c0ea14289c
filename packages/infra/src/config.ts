import type { Node } from 'constructs';
import { check, InfraConfigError, list, text } from './config-checks.js';
import { type ApiRouting, readDrain, readRouting } from './routing-config.js';

export { InfraConfigError };

/** A custom domain: the page at `app.<name>`, the API at `api.<name>`, both in one hosted zone. */
export interface DomainConfig {
  /** The apex, such as `todolist.com`. */
  readonly name: string;
  /** The Route 53 hosted zone of {@link name}. */
  readonly hostedZoneId: string;
  /** `app.<name>`: where the page is served. */
  readonly appHost: string;
  /** `api.<name>`: where the API is served. */
  readonly apiHost: string;
  /** `live.<name>`: where live connections open (the WebSocket API). */
  readonly liveHost: string;
}

/** The app's settings, read from CDK context (`cdk.json`, or `-c key=value` on the command line). */
export interface InfraConfig {
  /**
   * The environment's name: every fixed physical name (table, secret, parameter, user pool
   * domain, stacks, alarms) starts with it, so two stages fit in one account.
   * @default 'prod'
   */
  readonly stage: string;
  /** The AWS account. @default CDK_DEFAULT_ACCOUNT, or account-agnostic when unknown (offline synth) */
  readonly account: string | undefined;
  /**
   * The regions the API runs in; the first is the primary, which holds the table (replicated to
   * the others), the cursor key's secret and, without a domain, the page.
   * @default [CDK_DEFAULT_REGION], or region-agnostic when unknown (offline synth)
   */
  readonly regions: readonly string[];
  /** @default none: the default execute-api and CloudFront endpoints */
  readonly domain: DomainConfig | undefined;
  /** Who is e-mailed when an alarm fires. @default none: alarms go to the SNS topic only */
  readonly alarmEmail: string | undefined;
  /** Local origins (`http://localhost:<port>`) the API also answers CORS for. @default none */
  readonly localOrigins: readonly string[];
  /**
   * The person (their Cognito `sub`) the machine (client-credentials) app client's tokens act
   * for: such a token's `sub` is the client id, so the functions get `MACHINE_OWNERS` mapping it
   * to this owner.
   * @default none: no machine client is created
   */
  readonly machineOwner: string | undefined;
  /**
   * How Route 53 answers `api.<domain>` among the regions.
   * @default { policy: 'latency' } with several regions; undefined (a plain alias) with one
   */
  readonly routing: ApiRouting | undefined;
  /** A region taken out of `api.<domain>` by hand: its health check reports unhealthy. @default none */
  readonly drain: string | undefined;
  /** A regional WAF web ACL on each API stage, limiting each person (and each address). @default false */
  readonly waf: boolean;
}

const DOMAIN = /^(?=.{1,240}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// An owner on AWS is a person's Cognito `sub`, a UUID: any other value would be a list no one can
// sign in to see.
const COGNITO_SUB = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;
// Lowercase letters, digits and inner hyphens, starting with a letter (stack names must), short
// enough for the longest name it prefixes (an X-Ray sampling rule's 32 characters).
const STAGE = /^[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?$/;
// Cognito refuses a domain prefix holding these, and the stage is the user pool domain's prefix.
const STAGE_RESERVED = /aws|amazon|cognito/;

function readDomain(node: Node): DomainConfig | undefined {
  const name = text(node.tryGetContext('domain'))?.toLowerCase();
  const hostedZoneId = text(node.tryGetContext('hostedZoneId'));
  if (!name && !hostedZoneId) return undefined;
  check(!!name, 'context hostedZoneId is set without domain: pass -c domain=<apex>, such as todolist.com');
  check(!!hostedZoneId, `context domain=${name} needs its Route 53 zone: pass -c hostedZoneId=Z…`);
  check(
    DOMAIN.test(name as string),
    `context domain must be a DNS name such as todolist.com (got "${name}")`,
  );
  check(
    HOSTED_ZONE_ID.test(hostedZoneId as string),
    `context hostedZoneId must be a Route 53 zone id such as Z0123456789ABC (got "${hostedZoneId}")`,
  );
  return {
    name: name as string,
    hostedZoneId: hostedZoneId as string,
    appHost: `app.${name}`,
    apiHost: `api.${name}`,
    liveHost: `live.${name}`,
  };
}

function readRegions(node: Node, env: NodeJS.ProcessEnv): string[] {
  const given = list(node.tryGetContext('regions'));
  const regions = given.length > 0 ? given : list(env.CDK_DEFAULT_REGION);
  for (const region of regions) {
    check(
      REGION.test(region),
      `context regions must be AWS regions such as us-east-1,eu-west-1 (got "${region}")`,
    );
  }
  check(
    new Set(regions).size === regions.length,
    `context regions names a region twice (${regions.join(',')})`,
  );
  return regions;
}

function readStage(node: Node): string {
  const stage = text(node.tryGetContext('stage')) ?? 'prod';
  check(
    STAGE.test(stage),
    `context stage must be 1–16 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen, such as prod or staging (got "${stage}")`,
  );
  check(
    !STAGE_RESERVED.test(stage),
    `context stage must not contain "aws", "amazon" or "cognito": it prefixes the Cognito domain, which refuses them (got "${stage}")`,
  );
  return stage;
}

function readFlag(node: Node, name: string): boolean {
  const value = text(node.tryGetContext(name))?.toLowerCase();
  check(
    value === undefined || value === 'true' || value === 'false',
    `context ${name} is true or false (got "${value}")`,
  );
  return value === 'true';
}

/** Reads and checks the app's settings; `env` supplies the CLI's CDK_DEFAULT_ACCOUNT and _REGION. */
export function readConfig(node: Node, env: NodeJS.ProcessEnv = process.env): InfraConfig {
  const account = text(node.tryGetContext('account')) ?? text(env.CDK_DEFAULT_ACCOUNT);
  check(!account || ACCOUNT.test(account), `context account must be 12 digits (got "${account}")`);
  const domain = readDomain(node);
  const regions = readRegions(node, env);
  check(
    regions.length <= 1 || domain !== undefined,
    `context regions=${regions.join(',')} routes api.<domain> among them: pass -c domain=… -c hostedZoneId=… too`,
  );
  // api.<domain>'s records live in us-east-1 and read each region's API: its region must be known.
  check(
    domain === undefined || regions.length > 0,
    `context domain=${domain?.name} needs the API's region: pass -c regions=<region> (cdk deploy takes it from your profile)`,
  );
  const alarmEmail = text(node.tryGetContext('alarmEmail'));
  check(
    !alarmEmail || EMAIL.test(alarmEmail),
    `context alarmEmail is not an e-mail address (got "${alarmEmail}")`,
  );
  const localOrigins = list(node.tryGetContext('localOrigins'));
  for (const origin of localOrigins) {
    check(
      LOCAL_ORIGIN.test(origin),
      `context localOrigins takes only http://localhost[:port] or http://127.0.0.1[:port] (got "${origin}")`,
    );
  }
  const machineOwner = text(node.tryGetContext('machineOwner'));
  check(
    !machineOwner || COGNITO_SUB.test(machineOwner),
    `context machineOwner must be the sub of the person the scripts act for, a UUID that "todo whoami" shows once they sign in (got "${machineOwner}")`,
  );
  return {
    stage: readStage(node),
    account,
    regions,
    domain,
    alarmEmail,
    localOrigins,
    machineOwner,
    routing: readRouting(node, regions),
    drain: readDrain(node, regions),
    waf: readFlag(node, 'waf'),
  };
}
