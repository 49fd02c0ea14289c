import { type RouteDefinition, type RouteName, routeList } from '@todolist/sdk/contract';

/** The outcome of matching a request against the route table. */
export type RouteMatch =
  | {
      kind: 'route';
      route: RouteDefinition & { name: RouteName };
      pathParameters: Record<string, string> | null;
    }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

interface CompiledRoute {
  route: RouteDefinition & { name: RouteName };
  pattern: RegExp;
  names: string[];
}

// `{id}` matches one path segment, as API Gateway's path parameters do.
function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route: route as CompiledRoute['route'], pattern: new RegExp(`^${source}$`), names };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape reaches the handler as sent, to be refused there
  }
}

/** Matches requests to routes exactly as the deployed API's resources would. */
export class RouteMatcher {
  readonly #routes: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[] = routeList) {
    // Literal segments win over parameters (`/v1/todos/batch` before `/v1/todos/{id}`), as in API Gateway.
    this.#routes = routes.map(compile).sort((a, b) => a.names.length - b.names.length);
  }

  match(method: string, path: string): RouteMatch {
    // As in API Gateway, the most literal resource that matches the path owns it: `/v1/todos/batch`
    // is never read as `/v1/todos/{id}`, whatever the method.
    const matching = this.#routes.filter((compiled) => compiled.pattern.test(path));
    const fewestParams = Math.min(...matching.map((compiled) => compiled.names.length));
    const owners = matching.filter((compiled) => compiled.names.length === fewestParams);
    const route = owners.find((compiled) => compiled.route.method === method);
    if (route) {
      const found = route.pattern.exec(path) as RegExpExecArray;
      const pathParameters =
        route.names.length === 0
          ? null
          : Object.fromEntries(route.names.map((name, index) => [name, decode(found[index + 1] ?? '')]));
      return { kind: 'route', route: route.route, pathParameters };
    }
    if (owners.length > 0)
      return { kind: 'wrong-method', allowed: [...new Set(owners.map((o) => o.route.method))] };
    return { kind: 'none' };
  }

  /** The methods served on a path, for CORS preflights; empty when the path is not an API route. */
  methodsFor(path: string): string[] {
    return [...new Set(this.#routes.filter((r) => r.pattern.test(path)).map((r) => r.route.method))];
  }
}
