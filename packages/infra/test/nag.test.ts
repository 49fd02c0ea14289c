import { Validations } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { synthesize, VARIANTS } from './support/synth.js';

// cdk-nag's AwsSolutions pack runs over the whole app at synthesis (src/todolist-app.ts); each
// acknowledgement sits next to the construct it concerns, with its reason.

describe("cdk-nag's AwsSolutions checks", () => {
  it.each(Object.keys(VARIANTS) as (keyof typeof VARIANTS)[])(
    'leave no unacknowledged error or warning in the %s variant',
    (variant) => {
      const { nagFindings } = synthesize(VARIANTS[variant]);
      expect(nagFindings).toEqual([]);
    },
  );

  it('are acknowledged only with a reason a reviewer can check', () => {
    const { app } = synthesize(VARIANTS.multiRegion);
    const acknowledgements = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ id, reason }));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledgements) {
      expect(id, id).toMatch(/^(AwsSolutions::AwsSolutions-|CloudFormation-Validate::)/);
      expect(reason.length, `${id}: ${reason}`).toBeGreaterThanOrEqual(60);
    }
  });
});
