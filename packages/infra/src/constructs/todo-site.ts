import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { BuildOutputs } from '../build-outputs.js';
import { acknowledgeDeploymentHandler, nameInvalidatedDistribution } from './deployment-handler.js';
import { cdkHandlerLogGroup } from './handler-logs.js';
import { SiteHeaders } from './site-headers.js';

/**
 * The page's path to the SDK's browser files (the local gateway's `SDK_BUNDLE_PATH` and
 * `SDK_SYNC_BUNDLE_PATH`), as an object key.
 */
export const sdkFileKey = (file: string): string => `vendor/${basename(file)}`;

/** Options of {@link TodoSite}. */
export interface TodoSiteProps {
  readonly build: Pick<BuildOutputs, 'pageUpload' | 'sdkBrowserFiles'>;
  /** What the page's `config.json` gives as `apiUrl`: the origin the SDK puts `/v1/…` after. */
  readonly apiUrl: string;
  /**
   * Live pushes: the WebSocket URL `config.json` gives as `liveUrl` (the page opens it with
   * `?token=`), and its origin, which the CSP's `connect-src` allows.
   */
  readonly live: { readonly url: string; readonly origin: string };
  /** The custom domain of the page, with its certificate (in us-east-1). @default the CloudFront domain */
  readonly domain?: { readonly name: string; readonly certificate: acm.ICertificate };
  /**
   * Sign-in, for `config.json`'s `auth`: the tokens' issuer, managed login's base URL and the
   * page's client id. @default none: `config.json` holds `apiUrl` only
   */
  readonly auth?: { readonly issuer: string; readonly domain: string; readonly clientId: string };
  /** Where the page exchanges and refreshes its tokens (managed login's origin), for the CSP's `connect-src`. */
  readonly signInOrigin: string;
  /** Where CloudFront's and S3's access logs go. */
  readonly logBucket: s3.IBucket;
}

/**
 * The static page: a private, versioned bucket behind CloudFront with origin access control,
 * HTTPS only and strict security headers; deployed with the SDK's browser bundle under
 * `vendor/` and a `config.json` telling the page where the API and its live pushes are.
 */
export class TodoSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://` and the page's host. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: TodoSiteProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      // Each deployment replaces the page; old versions are kept a month to roll back.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      // Kept on a stack deletion; deleted (when still empty) by the rollback of the deployment creating it.
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    const headers = new SiteHeaders(this, 'Headers', {
      apiOrigin: props.apiUrl,
      signInOrigin: props.signInOrigin,
      liveOrigin: props.live.origin,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'todolist page',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers.policy,
        compress: true,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      // Modern TLS needs a certificate of ours: the default *.cloudfront.net one is fixed at TLSv1.
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: props.domain.certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.origin = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
    const deployment = new s3deploy.BucketDeployment(this, 'Deployment', {
      destinationBucket: this.bucket,
      sources: [
        s3deploy.Source.asset(props.build.pageUpload),
        // Where the page imports the SDK from, as the local gateway serves it, with the source maps:
        // the bundle and its files loaded on demand import each other by relative paths, so they sit side by side.
        ...props.build.sdkBrowserFiles.flatMap((file) =>
          [file, `${file}.map`].map((path) =>
            s3deploy.Source.data(sdkFileKey(path), readFileSync(path, 'utf8')),
          ),
        ),
        s3deploy.Source.jsonData('config.json', {
          apiUrl: props.apiUrl,
          liveUrl: props.live.url,
          ...(props.auth ? { auth: props.auth } : {}),
        }),
      ],
      // CloudFront keeps a copy a day at the edge; each deployment invalidates it.
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=60, s-maxage=86400')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
      logGroup: cdkHandlerLogGroup(this, 'BucketDeployment'),
    });
    nameInvalidatedDistribution(deployment, this.distribution);
    this.#acknowledge(props.domain !== undefined);
    acknowledgeDeploymentHandler(deployment, this.bucket);
  }

  #acknowledge(customDomain: boolean): void {
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CFR2',
      reason:
        'No WAF web ACL: the distribution serves only static files from a private bucket (GET and HEAD), with nothing to inject into; the API behind the page throttles and validates on its own.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CFR1',
      reason: 'The page is for everyone, wherever they are: no country is blocked.',
    });
    if (!customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'Without a domain the page is served on *.cloudfront.net, whose default certificate fixes the viewer policy at TLSv1; with -c domain=… it gets its own certificate and TLSv1.2_2021.',
      });
    }
  }
}
