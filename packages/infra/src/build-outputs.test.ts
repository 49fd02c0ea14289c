import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputsIn, MissingBuildError, workspaceBuildOutputs } from './build-outputs.js';
import { createApp } from './todolist-app.js';

describe('the build outputs the app deploys', () => {
  it("are found in the workspaces: each route's bundle folder, the SDK's browser bundle and site/", () => {
    const build = workspaceBuildOutputs();
    expect(build.lambdaBundle('getTodo')).toMatch(/packages\/handlers\/dist\/lambda\/getTodo$/);
    expect(build.sdkBrowserBundle).toMatch(/packages\/sdk\/dist\/browser\/todolist-sdk\.min\.js$/);
    expect(build.siteDir).toMatch(/\/site$/);
  });

  it('when a Lambda bundle is missing, stop synthesis with the command that builds it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'todolist-unbuilt-'));
    const build = buildOutputsIn({ handlers: empty, sdk: empty, site: empty });
    expect(() => createApp({ outdir: join(empty, 'cdk.out') }, build)).toThrow(MissingBuildError);
    expect(() => createApp({ outdir: join(empty, 'cdk.out') }, build)).toThrow(
      /the Lambda bundle of route \w+ is missing .*: run `npm run build -w @todolist\/handlers` first/,
    );
  });

  it("when the SDK's browser bundle is missing, say to build the SDK", () => {
    const empty = mkdtempSync(join(tmpdir(), 'todolist-unbuilt-'));
    expect(() => buildOutputsIn({ handlers: empty, sdk: empty, site: empty }).sdkBrowserBundle).toThrow(
      /npm run build -w @todolist\/sdk/,
    );
  });
});
