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
      stage: 'prod',
      account: undefined,
      regions: [],
      domain: undefined,
      alarmEmail: undefined,
      localOrigins: [],
      machineOwner: undefined,
      routing: undefined,
      drain: undefined,
      waf: false,
    });
  });

  it("takes the CLI's account and region when the context names none", () => {
    expect(read({}, { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'eu-west-1' })).toMatchObject({
      account: '123456789012',
      regions: ['eu-west-1'],
    });
  });

  it('gives app.<domain> and api.<domain> for a domain with its hosted zone', () => {
    expect(
      read({ domain: 'Todolist.com', hostedZoneId: 'Z0123456789ABC', regions: 'eu-west-1' }).domain,
    ).toEqual({
      name: 'todolist.com',
      hostedZoneId: 'Z0123456789ABC',
      appHost: 'app.todolist.com',
      apiHost: 'api.todolist.com',
      liveHost: 'live.todolist.com',
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

  it('takes a stage of lowercase letters, digits and hyphens', () => {
    expect(read({ stage: 'staging' }).stage).toBe('staging');
    expect(read({ stage: 'pr-42' }).stage).toBe('pr-42');
  });

  it('takes waf as true or false, from the command line or cdk.json', () => {
    expect(read({ waf: 'true' }).waf).toBe(true);
    expect(read({ waf: true }).waf).toBe(true);
    expect(read({ waf: 'false' }).waf).toBe(false);
  });

  it.each([
    [{ stage: 'Prod' }, /stage must be 1–16 lowercase letters, digits and hyphens/],
    [{ stage: 'my_stage' }, /stage must be 1–16 lowercase letters/],
    [{ stage: '1st' }, /starting with a letter/],
    [{ stage: 'staging-' }, /not ending with a hyphen/],
    [{ stage: 'a-very-long-stage-name' }, /1–16 lowercase letters/],
    [{ stage: 'awsdev' }, /must not contain "aws", "amazon" or "cognito"/],
    [{ waf: 'yes' }, /waf is true or false \(got "yes"\)/],
    [{ domain: 'todolist.com', hostedZoneId: 'Z0123456789ABC' }, /needs the API's region: pass -c regions=/],
    [{ domain: 'todolist.com' }, /needs its Route 53 zone: pass -c hostedZoneId/],
    [{ hostedZoneId: 'Z0123456789ABC' }, /hostedZoneId is set without domain/],
    [{ domain: 'not a domain', hostedZoneId: 'Z0123456789ABC' }, /domain must be a DNS name/],
    [{ domain: 'todolist.com', hostedZoneId: 'zone' }, /hostedZoneId must be a Route 53 zone id/],
    [{ regions: 'us-east-1,eu-west-1' }, /routes api.<domain> among them: pass -c domain=/],
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

describe('the routing of api.<domain>', () => {
  const two = { domain: 'todolist.com', hostedZoneId: 'Z0123456789ABC', regions: 'us-east-1,eu-west-1' };

  it('is a plain alias with one region, and by latency with several unless told otherwise', () => {
    expect(read({ ...two, regions: 'us-east-1' }).routing).toBeUndefined();
    expect(read(two).routing).toEqual({ policy: 'latency' });
  });

  it('weighted: takes a weight per region, or shares equally without weights', () => {
    expect(read({ ...two, routing: 'weighted', weights: 'us-east-1:90, eu-west-1:10' }).routing).toEqual({
      policy: 'weighted',
      weights: { 'us-east-1': 90, 'eu-west-1': 10 },
    });
    expect(read({ ...two, routing: 'weighted', weights: ['us-east-1:0', 'eu-west-1:1'] }).routing).toEqual({
      policy: 'weighted',
      weights: { 'us-east-1': 0, 'eu-west-1': 1 },
    });
    expect(read({ ...two, routing: 'weighted' }).routing).toEqual({
      policy: 'weighted',
      weights: { 'us-east-1': 1, 'eu-west-1': 1 },
    });
  });

  it('geolocation: continents, countries and the default, each to a region', () => {
    expect(
      read({ ...two, routing: 'geolocation', geo: 'EU:eu-west-1,de:eu-west-1,*:us-east-1' }).routing,
    ).toEqual({
      policy: 'geolocation',
      routes: [
        { location: { continent: 'EU' }, region: 'eu-west-1' },
        { location: { country: 'DE' }, region: 'eu-west-1' },
        { location: { default: true }, region: 'us-east-1' },
      ],
    });
  });

  it('failover: the first region primary, the second secondary', () => {
    expect(read({ ...two, routing: 'FAILOVER' }).routing).toEqual({
      policy: 'failover',
      primary: 'us-east-1',
      secondary: 'eu-west-1',
    });
  });

  it('drain: takes one of the regions out', () => {
    expect(read({ ...two, drain: 'eu-west-1' }).drain).toBe('eu-west-1');
    expect(read(two).drain).toBeUndefined();
  });

  it.each([
    [
      { routing: 'nearest' },
      /routing must be one of latency, weighted, geolocation, failover \(got "nearest"\)/,
    ],
    [
      { regions: 'us-east-1', routing: 'weighted' },
      /routing=weighted chooses among regions: pass two or more/,
    ],
    [{ weights: 'us-east-1:1,eu-west-1:1' }, /weights applies to routing=weighted/],
    [{ geo: '*:us-east-1' }, /geo applies to routing=geolocation/],
    [
      { routing: 'weighted', weights: 'us-east-1:90,ap-south-1:10' },
      /weights names ap-south-1, which is not in regions/,
    ],
    [{ routing: 'weighted', weights: 'us-east-1:90' }, /weights gives no weight for eu-west-1/],
    [{ routing: 'weighted', weights: 'us-east-1:0,eu-west-1:0' }, /at least one region a weight above 0/],
    [{ routing: 'weighted', weights: 'us-east-1:-1,eu-west-1:1' }, /whole numbers from 0 to 255 \(got "-1"/],
    [
      { routing: 'weighted', weights: 'us-east-1:300,eu-west-1:1' },
      /whole numbers from 0 to 255 \(got "300"/,
    ],
    [{ routing: 'weighted', weights: 'us-east-1:1,us-east-1:2,eu-west-1:1' }, /gives us-east-1 twice/],
    [
      { routing: 'weighted', weights: 'us-east-1' },
      /weights takes key:value pairs such as us-east-1:90,eu-west-1:10/,
    ],
    [{ routing: 'geolocation' }, /routing=geolocation needs -c geo=/],
    [{ routing: 'geolocation', geo: 'EU:eu-west-1,NA:us-east-1' }, /geo has no default \(\*\)/],
    [{ routing: 'geolocation', geo: 'EU:eu-west-1,*:eu-west-1' }, /geo sends no one to us-east-1/],
    [
      { routing: 'geolocation', geo: 'Europe:eu-west-1,*:us-east-1' },
      /continent codes \(AF, AN, AS, EU, NA, OC, SA\), two-letter ISO country codes or \*/,
    ],
    [{ routing: 'geolocation', geo: 'EU:eu-west-1,eu:eu-west-1,*:us-east-1' }, /geo gives eu twice/],
    [
      { routing: 'geolocation', geo: 'EU:eu-central-1,*:us-east-1' },
      /geo names eu-central-1, which is not in regions/,
    ],
    [
      { routing: 'failover', regions: 'us-east-1,eu-west-1,ap-south-1' },
      /routing=failover takes exactly two regions/,
    ],
    [{ drain: 'ap-south-1' }, /drain names ap-south-1, which is not in regions/],
    [
      { regions: 'us-east-1', drain: 'us-east-1' },
      /drain=us-east-1 moves traffic to the other regions: with one region there are none/,
    ],
  ])('refuses %o, saying what to pass', (context, message) => {
    expect(() => read({ ...two, ...context })).toThrow(InfraConfigError);
    expect(() => read({ ...two, ...context })).toThrow(message);
  });
});
