import { CORS_EXPOSED_HEADERS, ERROR_CODES, problemType } from '@todolist/sdk/contract';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** The window WAF counts requests over, in seconds. */
export const RATE_WINDOW_SECONDS = 300;
/** What a refused caller is told to wait: the window slides, so a minute sheds a fifth of it. */
const RETRY_AFTER_SECONDS = 60;

/** Options of {@link ApiWebAcl}. */
export interface ApiWebAclProps {
  /** The stage the web ACL guards. */
  readonly stage: apigateway.Stage;
  /** The web ACL's name, unique in the account and region; its rules' metrics are named after it. */
  readonly name: string;
  /** The page's origin, named in the 429's `Access-Control-Allow-Origin` so the page can read it. */
  readonly siteOrigin: string;
  /** Requests one `Authorization` header (one person's token) may make per window. @default 1200 (4 a second) */
  readonly perPerson?: number;
  /** Requests one IP address may make per window, signed in or not. @default 6000 (20 a second) */
  readonly perAddress?: number;
}

/**
 * A regional WAF web ACL on the API stage that gives each person a limit of their own: a
 * rate-based rule keyed on the `Authorization` header, so one person's flood is refused while
 * everyone else goes on (the stage's own throttle is shared by all). A second, looser rule keyed
 * on the client's address limits what the first cannot see: requests with no token (the public
 * routes, failed sign-ins) and a caller inventing a new token per request. Refused requests get
 * the contract's 429 `rate_limited` problem with `Retry-After`; WAF's answer takes the place of
 * API Gateway's, so it carries the CORS headers itself.
 */
export class ApiWebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiWebAclProps) {
    super(scope, id);
    const perPerson = props.perPerson ?? 1200;
    const perAddress = props.perAddress ?? 6000;
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    // Each rule answers with its own body (the body key is the rule's name).
    const rules = [
      {
        name: 'PerPerson',
        limit: perPerson,
        counted: 'with this token',
        // A request without the header is not counted here; the address rule counts it.
        key: {
          aggregateKeyType: 'CUSTOM_KEYS',
          customKeys: [
            { header: { name: 'authorization', textTransformations: [{ priority: 0, type: 'NONE' }] } },
          ],
        },
      },
      {
        name: 'PerAddress',
        limit: perAddress,
        counted: 'from this address',
        key: { aggregateKeyType: 'IP' },
      },
    ];
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: props.name,
      // WAF allows no parentheses in a description.
      description: 'todolist API: a rate limit per person, by their token, and per address',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      customResponseBodies: Object.fromEntries(
        rules.map(({ name, limit, counted }) => [
          name,
          problemBody(
            `more than ${limit} requests ${counted} in ${RATE_WINDOW_SECONDS / 60} minutes; wait and retry`,
          ),
        ]),
      ),
      rules: rules.map(({ name, limit, key }, priority) => ({
        name,
        priority,
        action: {
          block: {
            customResponse: {
              responseCode: 429,
              customResponseBodyKey: name,
              responseHeaders: [
                { name: 'Retry-After', value: String(RETRY_AFTER_SECONDS) },
                { name: 'Access-Control-Allow-Origin', value: props.siteOrigin },
                { name: 'Access-Control-Expose-Headers', value: CORS_EXPOSED_HEADERS.join(', ') },
                { name: 'Vary', value: 'Origin' },
                { name: 'Cache-Control', value: 'no-store' },
              ],
            },
          },
        },
        statement: { rateBasedStatement: { limit, evaluationWindowSec: RATE_WINDOW_SECONDS, ...key } },
        visibilityConfig: visibility(`${props.name}-${name}`),
      })),
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}

/** The contract's `rate_limited` problem as a WAF response body (WAF cannot add the request id). */
function problemBody(detail: string): wafv2.CfnWebACL.CustomResponseBodyProperty {
  const { status, title } = ERROR_CODES.rate_limited;
  return {
    contentType: 'APPLICATION_JSON',
    content: JSON.stringify({
      type: problemType('rate_limited'),
      title,
      status,
      code: 'rate_limited',
      detail,
    }),
  };
}
