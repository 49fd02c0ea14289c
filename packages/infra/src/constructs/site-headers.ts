import { contentSecurityPolicy } from '@todolist/site/deploy';
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

/** The security headers CloudFront adds to every answer of the page. */
export class SiteHeaders extends Construct {
  readonly policy: cloudfront.ResponseHeadersPolicy;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly apiOrigin: string; readonly signInOrigin: string; readonly liveOrigin: string },
  ) {
    super(scope, id);
    this.policy = new cloudfront.ResponseHeadersPolicy(this, 'Policy', {
      comment: 'todolist page: CSP, HSTS and the rest',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // site/page.json's policy, as the local gateway sends it, with `connect-src` allowing
          // the API, its live pushes (a wss: origin) and sign-in (the page trades and refreshes
          // its tokens at managed login).
          contentSecurityPolicy: contentSecurityPolicy(
            [props.apiOrigin, props.liveOrigin, props.signInOrigin],
            ['upgrade-insecure-requests'],
          ),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
      removeHeaders: ['Server'],
    });
  }
}
