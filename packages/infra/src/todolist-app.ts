import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type BuildOutputs, workspaceBuildOutputs } from './build-outputs.js';
import { readConfig } from './config.js';
import { definitionDigest } from './constructs/definition-digest.js';
import { ROUTE53_METRICS_REGION } from './constructs/health-check-alarms.js';
import { authRevision } from './constructs/primary-auth.js';
import { stageNames } from './names.js';
import { ApiStack } from './stacks/api-stack.js';
import { RoutingStack } from './stacks/routing-stack.js';
import { SiteStack } from './stacks/site-stack.js';

/**
 * The construct id of the primary region's stack; another region's is `Todolist-<region>`, the
 * page's `Todolist-Site` and the records' `Todolist-Routing`. Their CloudFormation names start
 * with the stage: `prod-Todolist`, `prod-Todolist-eu-west-1`, ….
 */
export const STACK_NAME = 'Todolist';

/**
 * The whole app from its context: the API in each region (the first holding the table), the
 * page (its own us-east-1 stack when there is a domain), `api.<domain>`'s records and health
 * checks (a us-east-1 stack, with a domain), and cdk-nag's AwsSolutions checks.
 */
export function createApp(props: AppProps = {}, build: BuildOutputs = workspaceBuildOutputs()): App {
  const app = new App(props);
  const config = readConfig(app.node);
  const names = stageNames(config.stage);
  const [primaryRegion, ...replicaRegions] = config.regions;
  const env = (region: string | undefined) => ({ account: config.account, region });
  const primary = new ApiStack(app, STACK_NAME, {
    stackName: names.stack(),
    env: env(primaryRegion),
    description: `todolist (${config.stage}): the table, the API and its monitoring (primary region)`,
    config,
    names,
    build,
    replicaRegions,
  });
  // The other stacks read the primary's user pool from its parameter; this tells them when to read again.
  if (!primary.auth) throw new Error('the primary region holds the user pool');
  const primaryAuthRevision = authRevision(primary.auth);
  // The replicas read their stream's ARN; this tells them when to read again.
  const primaryTableRevision = definitionDigest(primary.data ? [primary.data] : []);
  const regions = [primary];
  for (const region of replicaRegions) {
    const replica = new ApiStack(app, `${STACK_NAME}-${region}`, {
      stackName: names.stack(region),
      env: env(region),
      description: `todolist (${config.stage}): the API and its monitoring in ${region}, over the table's replica`,
      config,
      names,
      build,
      replicaRegions: undefined,
      primaryAuthRevision,
      primaryTableRevision,
    });
    // The replica of the table and of the secret exist once the primary stack is deployed.
    replica.addStackDependency(primary);
    regions.push(replica);
  }
  if (config.domain) {
    const site = new SiteStack(app, `${STACK_NAME}-Site`, {
      stackName: names.stack('Site'),
      env: env('us-east-1'),
      description: `todolist (${config.stage}): the page at ${config.domain.appHost}`,
      domain: config.domain,
      build,
      primaryRegion: primaryRegion as string,
      primaryAuthRevision,
      authParameterName: names.authParameter,
    });
    // The page's config.json names the user pool the primary stack creates and publishes.
    site.addStackDependency(primary);
    // Reads each region's API as it deploys, so it deploys after them (the references add that).
    new RoutingStack(app, `${STACK_NAME}-Routing`, {
      stackName: names.stack('Routing'),
      env: env(ROUTE53_METRICS_REGION),
      description: `todolist (${config.stage}): ${config.domain.apiHost} across the regions, health checks and their alarms`,
      domain: config.domain,
      regions,
      routing: config.routing,
      drain: config.drain,
      names,
      alarmEmail: config.alarmEmail,
    });
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}
