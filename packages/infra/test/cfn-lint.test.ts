import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize, VARIANTS } from './support/synth.js';

// cfn-lint (`pip install cfn-lint`) checks every template against CloudFormation's resource
// schemas and its own rules: what `Template` assertions and cdk-nag do not look at.

interface Finding {
  Rule: { Id: string };
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Filename: string;
}

/**
 * The warnings left standing, each with its reason (the README lists them too). Anything else,
 * and any error, fails the test.
 */
export const ALLOWED_WARNINGS: Readonly<Record<string, string>> = {
  W3005:
    "CDK's Lambda functions declare DependsOn their role (and its default policy, so the policy exists before the first invocation); the role is also named by GetAtt, which cfn-lint calls redundant. The DependsOn on the policy is what matters, and CDK writes both.",
};

const available = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;

describe('cfn-lint over every synthesized template', () => {
  it.skipIf(!available)(
    'finds no error in any variant, and only the warnings ALLOWED_WARNINGS explains',
    () => {
      const templates = Object.entries(VARIANTS).flatMap(([variant, context]) => {
        const { outdir } = synthesize(context);
        return readdirSync(outdir)
          .filter((file) => file.endsWith('.template.json'))
          .map((file) => ({ variant, path: join(outdir, file) }));
      });
      expect(new Set(templates.map(({ variant }) => variant))).toEqual(new Set(Object.keys(VARIANTS)));
      const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...templates.map(({ path }) => path)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(run.error).toBeUndefined();
      const findings = JSON.parse(run.stdout || '[]') as Finding[];
      const variantOf = new Map(templates.map(({ variant, path }) => [path, variant]));
      const describeFinding = (finding: Finding) =>
        `${variantOf.get(finding.Filename)}/${basename(finding.Filename)} ${finding.Rule.Id}: ${finding.Message}`;
      expect(findings.filter((finding) => finding.Level === 'Error').map(describeFinding)).toEqual([]);
      expect(
        findings
          .filter((finding) => finding.Level === 'Warning' && !(finding.Rule.Id in ALLOWED_WARNINGS))
          .map(describeFinding),
      ).toEqual([]);
    },
    600_000,
  );

  it.skipIf(available)('is skipped: cfn-lint is not on the PATH (pip install cfn-lint to run it)', () => {});
});
