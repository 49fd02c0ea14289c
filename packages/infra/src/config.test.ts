import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { InfraConfigError, readConfig } from './config.js';

// Nothing is synthesized, but an App without an outdir makes an empty temp folder of its own.
const outdir = mkdtempSync(join(tmpdir(), 'todolist-config-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const read = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
  readConfig(new App({ context, outdir }).node, env);

describe('the context the app reads', () => {
  it('is empty by default: default endpoints, no e-mail, and account and region left to the CLI', () => {
    expect(read({})).toEqual({
      account: undefined,
      regions: [],
      domain: undefined,
      alarmEmail: undefined,
      localOrigins: [],
      machineOwner: undefined,
    });
  });

  it("takes the CLI's account and region when the context names none", () => {
    expect(read({}, { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'eu-west-1' })).toMatchObject({
      account: '123456789012',
      regions: ['eu-west-1'],
    });
  });

  it('gives app.<domain> and api.<domain> for a domain with its hosted zone', () => {
    expect(read({ domain: 'Todolist.com', hostedZoneId: 'Z0123456789ABC' }).domain).toEqual({
      name: 'todolist.com',
      hostedZoneId: 'Z0123456789ABC',
      appHost: 'app.todolist.com',
      apiHost: 'api.todolist.com',
    });
  });

  it('reads lists from the command line (a,b) or from cdk.json (arrays)', () => {
    const context = { domain: 'todolist.com', hostedZoneId: 'Z0123456789ABC' };
    expect(read({ ...context, regions: 'us-east-1, eu-west-1' }).regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(read({ ...context, regions: ['us-east-1', 'eu-west-1'] }).regions).toEqual([
      'us-east-1',
      'eu-west-1',
    ]);
  });

  it.each([
    [{ domain: 'todolist.com' }, /needs its Route 53 zone: pass -c hostedZoneId/],
    [{ hostedZoneId: 'Z0123456789ABC' }, /hostedZoneId is set without domain/],
    [{ domain: 'not a domain', hostedZoneId: 'Z0123456789ABC' }, /domain must be a DNS name/],
    [{ domain: 'todolist.com', hostedZoneId: 'zone' }, /hostedZoneId must be a Route 53 zone id/],
    [{ regions: 'us-east-1,eu-west-1' }, /routes api.<domain> by latency: pass -c domain=/],
    [{ regions: 'Ireland' }, /regions must be AWS regions such as us-east-1,eu-west-1 \(got "Ireland"\)/],
    [{ regions: 'eu-west-1,eu-west-1' }, /names a region twice/],
    [{ alarmEmail: 'ops' }, /alarmEmail is not an e-mail address/],
    [{ account: '1234' }, /account must be 12 digits/],
    [{ localOrigins: 'https://evil.example' }, /localOrigins takes only http:\/\/localhost/],
    [{ machineOwner: 'a b"c' }, /machineOwner must be the sub of the person the scripts act for/],
    // Owners on AWS are Cognito subs: an e-mail or a name would be a list no one can see.
    [{ machineOwner: 'ada@example.com' }, /machineOwner must be the sub of the person/],
    [{ machineOwner: 'importer' }, /machineOwner must be the sub of the person/],
  ])('refuses %o, saying what to pass', (context, message) => {
    expect(() => read(context)).toThrow(InfraConfigError);
    expect(() => read(context)).toThrow(message);
  });
});
