import {
  type ErrorCode,
  type RouteDefinition,
  type RouteName,
  routes,
  TodoImportRequest,
} from '@todolist/sdk/contract';
import fc from 'fast-check';
import { applyBodyDefect, BODY_DEFECT_CODES, type BodyDefect, bodyDefect } from './body-defects.js';
import { applyImportDefect, IMPORT_DEFECT_CODES, type ImportDefect, importDefect } from './import-defects.js';
import type { RawRequest } from './raw-http-client.js';
import {
  applyRequestDefect,
  REQUEST_DEFECT_CODES,
  type RequestDefect,
  requestDefect,
} from './request-defects.js';
import { type RequestDraft, toRawRequest } from './request-draft.js';
import { type GatewayFixtures, wellFormedRequest } from './well-formed-requests.js';

/** Anything wrong with a request. */
export type Defect = BodyDefect | ImportDefect | RequestDefect;

/** A well-formed request and what is done to it: the value fast-check generates and shrinks. */
export interface MalformedRequest {
  base: RequestDraft;
  defects: Defect[];
}

const isBodyDefect = (defect: Defect): defect is BodyDefect => defect.kind in BODY_DEFECT_CODES;
const isImportDefect = (defect: Defect): defect is ImportDefect => defect.kind in IMPORT_DEFECT_CODES;

/** The defects that make sense for the route, most of them in what it reads most: its body. */
function defectOf(route: RouteDefinition): fc.Arbitrary<Defect> {
  if (!route.body) return requestDefect(route);
  const weighted: fc.WeightedArbitrary<Defect>[] = [
    { arbitrary: bodyDefect(route), weight: 3 },
    { arbitrary: requestDefect(route), weight: 1 },
  ];
  if (route.body === TodoImportRequest) weighted.push({ arbitrary: importDefect, weight: 2 });
  return fc.oneof(...weighted);
}

/** A well-formed request of the route with one to three defects the route's checks must catch. */
export function malformedRequest(name: RouteName, fixtures: GatewayFixtures): fc.Arbitrary<MalformedRequest> {
  const route: RouteDefinition = routes[name];
  const defect = defectOf(route);
  return fc.record({
    base: wellFormedRequest(name, fixtures),
    defects: fc.array(defect, { minLength: 1, maxLength: 3 }),
  });
}

/** The request to send: the base with its defects applied in order. */
export function buildRequest(sample: MalformedRequest, fixtures: GatewayFixtures): RawRequest {
  const draft = sample.defects.reduce((draft, defect) => {
    if (isBodyDefect(defect)) return applyBodyDefect(draft, defect);
    if (isImportDefect(defect)) return applyImportDefect(draft, defect);
    return applyRequestDefect(draft, defect, fixtures);
  }, sample.base);
  return toRawRequest(draft);
}

/** The codes the request may be refused with: the first check that fails names one of its defects. */
export function expectedCodes(defects: readonly Defect[]): Set<ErrorCode> {
  return new Set(
    defects.flatMap((defect) => {
      if (isBodyDefect(defect)) return BODY_DEFECT_CODES[defect.kind];
      if (isImportDefect(defect)) return IMPORT_DEFECT_CODES[defect.kind];
      return REQUEST_DEFECT_CODES[defect.kind];
    }),
  );
}
