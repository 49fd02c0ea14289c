import { describe, expect, it } from 'vitest';
import * as endpoints from './endpoints.js';
import { routeList, routes } from './routes.js';

describe('the route table', () => {
  it("names each route by its key and places it at its endpoint's method and path, where a client sends it", () => {
    const places = Object.entries(routes).map(([name, route]) => [
      name,
      route.name,
      route.method,
      route.path,
    ]);
    const endpointPlaces = Object.entries(endpoints).map(([name, { method, path }]) => [
      name,
      name,
      method,
      path,
    ]);
    // A module namespace lists its exports in alphabetical order, not the table's.
    expect(places.sort()).toEqual(endpointPlaces.sort());
  });

  it('gives each method and path to one route only', () => {
    const places = routeList.map((route) => `${route.method} ${route.path}`);
    expect(new Set(places).size).toBe(places.length);
  });
});
