import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import type { ApiStack } from '../../src/stacks/api-stack.js';
import type { SiteStack } from '../../src/stacks/site-stack.js';
import { createApp, STACK_NAME } from '../../src/todolist-app.js';

/** The person the machine client of the custom-domain variant acts for: a Cognito sub. */
export const MACHINE_OWNER = '7d3f2a10-5b6c-4e8d-9f01-23456789abcd';

/** Two regions, with the domain they need, in an account. */
const TWO_REGIONS = {
  domain: 'todolist.com',
  hostedZoneId: 'Z0123456789ABC',
  regions: 'us-east-1,eu-west-1',
  account: '123456789012',
} as const;

/** The app's variants the tests synthesize, by their CDK context. */
export const VARIANTS = {
  /** No context at all: default endpoints, environment-agnostic, as `npm run synth` offline. */
  defaultEndpoints: {},
  /** One region with the custom domain, an alarm e-mail, a local origin and a machine client. */
  customDomain: {
    domain: 'todolist.com',
    hostedZoneId: 'Z0123456789ABC',
    alarmEmail: 'ops@todolist.com',
    regions: 'eu-west-1',
    localOrigins: 'http://localhost:3000',
    machineOwner: MACHINE_OWNER,
  },
  /** Two regions over a global table, api.<domain> routed by latency (the default). */
  multiRegion: TWO_REGIONS,
  /** Two regions, api.<domain> shared 90/10. */
  weighted: { ...TWO_REGIONS, routing: 'weighted', weights: 'us-east-1:90,eu-west-1:10' },
  /** Two regions, api.<domain> by where people are: Europe to eu-west-1, everyone else to us-east-1. */
  geolocation: { ...TWO_REGIONS, routing: 'geolocation', geo: 'EU:eu-west-1,NA:us-east-1,*:us-east-1' },
  /** Two regions, us-east-1 answering while healthy and eu-west-1 otherwise. */
  failover: { ...TWO_REGIONS, routing: 'failover' },
  /** One region with a WAF web ACL limiting each person. */
  waf: { waf: 'true' },
} as const satisfies Record<string, Record<string, string>>;

/** One cdk-nag finding left unacknowledged. */
export interface NagFinding {
  rule: string;
  severity: string;
  paths: string[];
}

/** A synthesized variant: its app, stacks, templates, and what cdk-nag reported. */
export interface Synthesized {
  app: App;
  /** The cloud assembly's folder: each stack's `<id>.template.json` is there. */
  outdir: string;
  primary: ApiStack;
  template(stack: Stack): Template;
  stack<T extends Stack>(name: string): T;
  site: SiteStack | undefined;
  /** The AwsSolutions violations still standing after acknowledgements. */
  nagFindings: NagFinding[];
  /** The files named `relativePath` in the staged assets: what a deployment would upload. */
  stagedFiles(relativePath: string): string[];
}

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/** The output folders of this test file's syntheses. */
const outdirs: string[] = [];

// Registered when a test file imports this module (vitest evaluates it once per file), so each file
// removes the folders its syntheses made once its tests are done, wherever it called synthesize.
afterAll(() => {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
});

/** cdk.json's context (the feature flags), which the CLI passes to the app and so do the tests. */
const CDK_JSON_CONTEXT = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cdk.json'), 'utf8'),
).context as Record<string, unknown>;

/**
 * Synthesizes a variant as `cdk synth` would (cdk.json's feature flags, then the variant's
 * context), with cdk-nag, into a fresh folder, removed after the calling test file's tests.
 */
export function synthesize(context: Record<string, string>): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'todolist-cdk-'));
  outdirs.push(outdir);
  const app = createApp({ context: { ...CDK_JSON_CONTEXT, ...context }, outdir });
  try {
    app.synth();
  } catch (error) {
    // cdk-nag's errors stop synthesis; the report is still written, and is what a test shows.
    if (!String(error).includes('ValidationFailed')) throw error;
  }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const nagFindings = report.pluginReports
    .filter((plugin) => plugin.pluginName === 'AwsSolutions')
    .flatMap((plugin) => plugin.violations)
    .map((violation) => ({
      rule: violation.ruleName,
      severity: violation.severity,
      paths: violation.violatingConstructs.map((construct) => construct.constructPath),
    }));
  const stack = <T extends Stack>(name: string) => app.node.findChild(name) as T;
  return {
    app,
    outdir,
    primary: stack<ApiStack>(STACK_NAME),
    stack,
    site: app.node.tryFindChild(`${STACK_NAME}-Site`) as SiteStack | undefined,
    template: (of) => Template.fromStack(of),
    nagFindings,
    stagedFiles: (relativePath) =>
      readdirSync(outdir)
        .filter((entry) => entry.startsWith('asset.'))
        .map((entry) => join(outdir, entry, relativePath))
        .filter((path) => existsSync(path)),
  };
}
