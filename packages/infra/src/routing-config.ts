import type { Node } from 'constructs';
import { check, pairs, text } from './config-checks.js';

/** How Route 53 answers `api.<domain>` among the regions (context `routing`). */
export type RoutingPolicy = 'latency' | 'weighted' | 'geolocation' | 'failover';

/** Where a geolocation record sends people from: a continent, a country, or everyone else. */
export type GeoLocation =
  | { readonly continent: string }
  | { readonly country: string }
  | { readonly default: true };

/** One geolocation record: people from `location` are answered with `region`. */
export interface GeoRoute {
  readonly location: GeoLocation;
  readonly region: string;
}

/** The routing of `api.<domain>` among several regions, as the context chose it. */
export type ApiRouting =
  | { readonly policy: 'latency' }
  /** Each region's share: Route 53 answers a region in proportion to its weight among the healthy ones. */
  | { readonly policy: 'weighted'; readonly weights: Readonly<Record<string, number>> }
  /** Checked in order of precision by Route 53: country, then continent, then the default. */
  | { readonly policy: 'geolocation'; readonly routes: readonly GeoRoute[] }
  /** The primary while its health check passes, the secondary otherwise. */
  | { readonly policy: 'failover'; readonly primary: string; readonly secondary: string };

const POLICIES: readonly RoutingPolicy[] = ['latency', 'weighted', 'geolocation', 'failover'];
/** Route 53's continent codes; a two-letter code that is none of these is a country (ISO 3166-1). */
export const CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] as const;
/** Route 53 takes weights from 0 to 255. */
const MAX_WEIGHT = 255;

function readPolicy(node: Node, regions: readonly string[]): RoutingPolicy | undefined {
  const given = text(node.tryGetContext('routing'))?.toLowerCase();
  check(
    given === undefined || (POLICIES as readonly string[]).includes(given),
    `context routing must be one of ${POLICIES.join(', ')} (got "${given}")`,
  );
  check(
    given === undefined || regions.length > 1,
    `context routing=${given} chooses among regions: pass two or more, such as -c regions=us-east-1,eu-west-1`,
  );
  return regions.length > 1 ? ((given as RoutingPolicy | undefined) ?? 'latency') : undefined;
}

function knownRegion(name: string, region: string, regions: readonly string[]): void {
  check(
    regions.includes(region),
    `context ${name} names ${region}, which is not in regions (${regions.join(',')})`,
  );
}

function readWeights(value: unknown, regions: readonly string[]): Record<string, number> {
  // Without weights every region takes an equal share.
  if (text(value) === undefined) return Object.fromEntries(regions.map((region) => [region, 1]));
  const weights: Record<string, number> = {};
  for (const [region, weight] of pairs('weights', value, 'us-east-1:90,eu-west-1:10')) {
    knownRegion('weights', region, regions);
    check(!(region in weights), `context weights gives ${region} twice`);
    const parsed = Number(weight);
    check(
      /^\d+$/.test(weight) && parsed <= MAX_WEIGHT,
      `context weights takes whole numbers from 0 to ${MAX_WEIGHT} (got "${weight}" for ${region})`,
    );
    weights[region] = parsed;
  }
  for (const region of regions) {
    check(region in weights, `context weights gives no weight for ${region}: give every region one`);
  }
  check(
    Object.values(weights).some((weight) => weight > 0),
    'context weights must give at least one region a weight above 0, or no one is answered',
  );
  return weights;
}

function geoLocation(code: string): GeoLocation {
  if (code === '*') return { default: true };
  const upper = code.toUpperCase();
  check(
    /^[A-Z]{2}$/.test(upper),
    `context geo takes continent codes (${CONTINENTS.join(', ')}), two-letter ISO country codes or * (got "${code}")`,
  );
  return (CONTINENTS as readonly string[]).includes(upper) ? { continent: upper } : { country: upper };
}

function readGeo(value: unknown, regions: readonly string[]): GeoRoute[] {
  check(
    text(value) !== undefined,
    'context routing=geolocation needs -c geo=…, such as geo=EU:eu-west-1,NA:us-east-1,*:us-east-1',
  );
  const seen = new Set<string>();
  const routes = pairs('geo', value, 'EU:eu-west-1,*:us-east-1').map(([code, region]) => {
    knownRegion('geo', region, regions);
    check(!seen.has(code.toUpperCase()), `context geo gives ${code} twice`);
    seen.add(code.toUpperCase());
    return { location: geoLocation(code), region };
  });
  check(
    seen.has('*'),
    'context geo has no default (*): people from anywhere else would get no answer; add *:<region>',
  );
  for (const region of regions) {
    check(
      routes.some((route) => route.region === region),
      `context geo sends no one to ${region}: give it a location, or take it out of regions`,
    );
  }
  return routes;
}

/**
 * Reads `routing` and what it takes (`weights`, `geo`), checked against `regions`.
 * @returns undefined with a single region: `api.<domain>` is then a plain alias
 */
export function readRouting(node: Node, regions: readonly string[]): ApiRouting | undefined {
  const policy = readPolicy(node, regions);
  const weights = node.tryGetContext('weights');
  const geo = node.tryGetContext('geo');
  check(
    text(weights) === undefined || policy === 'weighted',
    'context weights applies to routing=weighted: pass -c routing=weighted too',
  );
  check(
    text(geo) === undefined || policy === 'geolocation',
    'context geo applies to routing=geolocation: pass -c routing=geolocation too',
  );
  switch (policy) {
    case undefined:
      return undefined;
    case 'weighted':
      return { policy, weights: readWeights(weights, regions) };
    case 'geolocation':
      return { policy, routes: readGeo(geo, regions) };
    case 'failover':
      check(
        regions.length === 2,
        `context routing=failover takes exactly two regions, the primary first (got ${regions.join(',')})`,
      );
      return { policy, primary: regions[0] as string, secondary: regions[1] as string };
    default:
      return { policy };
  }
}

/**
 * Reads `drain`: the region whose health check is made to fail, so Route 53 sends its traffic
 * to the others. @returns undefined when no region is drained
 */
export function readDrain(node: Node, regions: readonly string[]): string | undefined {
  const drain = text(node.tryGetContext('drain'));
  if (drain === undefined) return undefined;
  check(
    regions.length > 1,
    `context drain=${drain} moves traffic to the other regions: with ${regions.length === 1 ? 'one region' : 'no regions'} there are none`,
  );
  knownRegion('drain', drain, regions);
  return drain;
}
