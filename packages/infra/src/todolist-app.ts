import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type BuildOutputs, workspaceBuildOutputs } from './build-outputs.js';
import { readConfig } from './config.js';
import { authRevision } from './constructs/primary-auth.js';
import { ApiStack } from './stacks/api-stack.js';
import { SiteStack } from './stacks/site-stack.js';

/** The stack name of the primary region; another region's is `Todolist-<region>`. */
export const STACK_NAME = 'Todolist';

/**
 * The whole app from its context: the API in each region (the first holding the table), the
 * page (its own us-east-1 stack when there is a domain), and cdk-nag's AwsSolutions checks.
 */
export function createApp(props: AppProps = {}, build: BuildOutputs = workspaceBuildOutputs()): App {
  const app = new App(props);
  const config = readConfig(app.node);
  const [primaryRegion, ...replicaRegions] = config.regions;
  const env = (region: string | undefined) => ({ account: config.account, region });
  const primary = new ApiStack(app, STACK_NAME, {
    env: env(primaryRegion),
    description: 'todolist: the table, the API and its monitoring (primary region)',
    config,
    build,
    replicaRegions,
  });
  // The other stacks read the primary's user pool from its parameter; this tells them when to read again.
  if (!primary.auth) throw new Error('the primary region holds the user pool');
  const primaryAuthRevision = authRevision(primary.auth);
  for (const region of replicaRegions) {
    const replica = new ApiStack(app, `${STACK_NAME}-${region}`, {
      env: env(region),
      description: `todolist: the API and its monitoring in ${region}, over the table's replica`,
      config,
      build,
      replicaRegions: undefined,
      primaryAuthRevision,
    });
    // The replica of the table and of the secret exist once the primary stack is deployed.
    replica.addStackDependency(primary);
  }
  if (config.domain) {
    const site = new SiteStack(app, `${STACK_NAME}-Site`, {
      env: env('us-east-1'),
      description: `todolist: the page at ${config.domain.appHost}`,
      domain: config.domain,
      build,
      primaryRegion: primaryRegion as string,
      primaryAuthRevision,
    });
    // The page's config.json names the user pool the primary stack creates and publishes.
    site.addStackDependency(primary);
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}
