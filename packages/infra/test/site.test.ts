import { readFileSync } from 'node:fs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

let defaults: Synthesized;
let withDomain: Synthesized;
let template: Template;
let domainTemplate: Template;

beforeAll(() => {
  defaults = synthesize(VARIANTS.defaultEndpoints);
  template = defaults.template(defaults.primary);
  withDomain = synthesize(VARIANTS.customDomain);
  domainTemplate = withDomain.template(withDomain.site ?? defaults.primary);
});

const headersPolicy = (of: Template) =>
  Object.values(of.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]?.Properties
    .ResponseHeadersPolicyConfig;

describe('the site bucket', () => {
  it('is private, versioned, encrypted, TLS-only and logged, and kept when the stack goes (not when its first deployment fails)', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'site-bucket/' }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ VersioningConfiguration: Match.anyValue() }),
    });
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'RetainExceptOnCreate' });
  });
});

describe('the distribution', () => {
  it('reaches the bucket by origin access control, over HTTPS only, with the security headers', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        HttpVersion: 'http2and3',
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
          Compress: true,
        }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
  });

  it("sets the local gateway's strict CSP with the API's and managed login's origins in connect-src, HSTS and the rest", () => {
    const config = headersPolicy(template);
    const csp = JSON.stringify(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'; script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\/",\{"Ref":"Api\w+"\},".execute-api./);
    // The page exchanges and refreshes its tokens at the user pool's domain.
    expect(csp).toMatch(/\.execute-api\.[^;]* https:\/\/",\{"Ref":"Auth\w*Domain\w*"\},"\.auth\./);
    expect(config.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63072000,
        IncludeSubdomains: true,
        Preload: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
  });

  it('with a domain, serves app.<domain> with its us-east-1 certificate, TLS 1.2 at least, and a Route 53 alias', () => {
    expect(withDomain.site?.region).toBe('us-east-1');
    domainTemplate.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'app.todolist.com',
      ValidationMethod: 'DNS',
    });
    domainTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['app.todolist.com'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
    for (const type of ['A', 'AAAA']) {
      domainTemplate.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'app.todolist.com.',
        Type: type,
        HostedZoneId: 'Z0123456789ABC',
        AliasTarget: Match.objectLike({ HostedZoneId: Match.anyValue() }),
      });
    }
    // The page may reach the API and managed login's domain, read from the primary region: no other origin.
    const csp = JSON.stringify(
      headersPolicy(domainTemplate).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
    );
    expect(csp).toContain("connect-src 'self' https://api.todolist.com ");
    expect(csp).toMatch(/Fn::Select.*Custom::TodolistPrimaryAuth|Fn::Select.*AuthRead/);
    expect(csp).not.toContain('*');
  });
});

describe('the deployment of the page', () => {
  it('uploads site/ without its tests and package files, the SDK bundle under vendor/, and config.json', () => {
    const [index] = withDomain.stagedFiles('index.html');
    expect(index).toBeDefined();
    expect(withDomain.stagedFiles('package.json')).toEqual([]);
    expect(withDomain.stagedFiles('README.md')).toEqual([]);
    for (const notPage of ['test', 'test-results', 'bench', 'types', 'tsconfig.json', 'vitest.config.ts']) {
      expect(withDomain.stagedFiles(notPage), notPage).toEqual([]);
    }
    expect(withDomain.stagedFiles('js')).not.toEqual([]);
    expect(withDomain.stagedFiles('css')).not.toEqual([]);
    // The bundle and the files loaded on demand (the changes feed and live pushes, quick add), side by side.
    for (const file of ['todolist-sdk.min.js', 'todolist-sdk-sync.min.js', 'todolist-sdk-quick-add.min.js']) {
      for (const staged of [file, `${file}.map`]) {
        expect(withDomain.stagedFiles(`vendor/${staged}`), staged).toHaveLength(1);
      }
    }
    const [config] = withDomain.stagedFiles('config.json');
    // The sign-in values are filled in at deployment (CDK's markers), from the primary region.
    expect(JSON.parse(readFileSync(config as string, 'utf8'))).toEqual({
      apiUrl: 'https://api.todolist.com',
      liveUrl: 'wss://live.todolist.com',
      auth: { issuer: expect.any(String), domain: expect.any(String), clientId: expect.any(String) },
    });
    const [deployment] = Object.values(domainTemplate.findResources('Custom::CDKBucketDeployment'));
    expect(deployment?.Properties).toMatchObject({ DistributionPaths: ['/*'], Prune: true });
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(8);
    // One caching for every file: the bundle's second file is cached as the bundle is.
    expect(deployment?.Properties.SystemMetadata).toEqual({
      'cache-control': 'public, max-age=60, s-maxage=86400',
    });
  });

  it('lets the deployment handler invalidate this distribution only, named by its ARN', () => {
    for (const [of, stack] of [
      [template, defaults.primary],
      [domainTemplate, withDomain.site],
    ] as const) {
      const distributionId = stack?.getLogicalId(
        (stack as unknown as { site: { distribution: { node: { defaultChild: never } } } }).site.distribution
          .node.defaultChild,
      );
      const statements = Object.values(of.findResources('AWS::IAM::Policy')).flatMap(
        (policy) =>
          policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
      const invalidations = statements.filter((statement) =>
        [statement.Action].flat().includes('cloudfront:CreateInvalidation'),
      );
      expect(invalidations).toHaveLength(1);
      expect(JSON.stringify(invalidations[0]?.Resource)).toMatch(
        new RegExp(`:distribution/",\\{"Ref":"${distributionId}"\\}`),
      );
    }
  });

  it("without a domain, points config.json at the API's default endpoint, the origin the SDK adds /v1 to", () => {
    const deployment = Object.values(template.findResources('Custom::CDKBucketDeployment'))[0];
    // Tokens in config.json are staged as markers, which the deployment replaces with their values.
    const markers: Record<string, unknown> = Object.assign(
      {},
      ...(deployment?.Properties.SourceMarkers ?? []),
    );
    const [config] = defaults.stagedFiles('config.json');
    const apiUrl = JSON.parse(readFileSync(config as string, 'utf8')).apiUrl as string;
    const resolved = apiUrl.replace(/<<marker:0xbaba:\d+>>/g, (marker) => JSON.stringify(markers[marker]));
    expect(resolved).toMatch(
      /^https:\/\/\{"Ref":"Api\w+"\}\.execute-api\.\{"Ref":"AWS::Region"\}\.\{"Ref":"AWS::URLSuffix"\}$/,
    );
  });
});
