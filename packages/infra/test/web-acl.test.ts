import { Validations } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

let withWaf: Synthesized;
let template: Template;

beforeAll(() => {
  withWaf = synthesize(VARIANTS.waf);
  template = withWaf.template(withWaf.primary);
});

/** The AwsSolutions rules acknowledged anywhere in a variant's app. */
function acknowledged(synthesized: Synthesized): string[] {
  return synthesized.app.node
    .findAll()
    .flatMap((construct) => construct.node.metadata)
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.keys(entry.data as Record<string, string>));
}

describe('with waf=true', () => {
  it('limits each person on their own: a rate rule keyed on the Authorization header', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Name: 'prod-todolist-api',
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'PerPerson',
          Priority: 0,
          Statement: {
            RateBasedStatement: {
              Limit: 1200,
              EvaluationWindowSec: 300,
              AggregateKeyType: 'CUSTOM_KEYS',
              CustomKeys: [
                { Header: { Name: 'authorization', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
              ],
            },
          },
        }),
        // What the per-person rule cannot see: requests without a token, or with a new one each time.
        Match.objectLike({
          Name: 'PerAddress',
          Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP', Limit: 6000 }) },
        }),
      ]),
    });
  });

  it("answers a limited request with the contract's 429 rate_limited, Retry-After and the page's CORS headers", () => {
    const [acl] = Object.values(template.findResources('AWS::WAFv2::WebACL'));
    for (const rule of acl?.Properties.Rules ?? []) {
      const response = rule.Action.Block.CustomResponse;
      expect(response.ResponseCode).toBe(429);
      expect(response.ResponseHeaders).toEqual(
        expect.arrayContaining([
          { Name: 'Retry-After', Value: '60' },
          { Name: 'Access-Control-Allow-Origin', Value: expect.anything() },
        ]),
      );
      const body = acl?.Properties.CustomResponseBodies[response.CustomResponseBodyKey];
      expect(body.ContentType).toBe('APPLICATION_JSON');
      expect(JSON.parse(body.Content)).toMatchObject({ status: 429, code: 'rate_limited' });
    }
  });

  it('is associated with the API stage, which meets cdk-nag APIG3 without an acknowledgement', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: {
        'Fn::Join': [
          '',
          Match.arrayWith([
            { Ref: Match.stringLikeRegexp('^ApiCD79AAA0') },
            '/stages/',
            { Ref: Match.stringLikeRegexp('^ApiDeploymentStagev1') },
          ]),
        ],
      },
      WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebAcl'), 'Arn'] },
    });
    expect(withWaf.nagFindings).toEqual([]);
    expect(acknowledged(withWaf)).not.toContain('AwsSolutions::AwsSolutions-APIG3');
  });

  it('is absent by default, where APIG3 is acknowledged with its reason', () => {
    const defaults = synthesize(VARIANTS.defaultEndpoints);
    defaults.template(defaults.primary).resourceCountIs('AWS::WAFv2::WebACL', 0);
    expect(acknowledged(defaults)).toContain('AwsSolutions::AwsSolutions-APIG3');
  });
});
