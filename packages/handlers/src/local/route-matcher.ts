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
    const allowed: string[] = [];
    for (const compiled of this.#routes) {
      const found = compiled.pattern.exec(path);
      if (!found) continue;
      if (compiled.route.method !== method) {
        allowed.push(compiled.route.method);
        continue;
      }
      const pathParameters =
        compiled.names.length === 0
          ? null
          : Object.fromEntries(compiled.names.map((name, index) => [name, decode(found[index + 1] ?? '')]));
      return { kind: 'route', route: compiled.route, pathParameters };
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed: [...new Set(allowed)] } : { kind: 'none' };
  }

  /** The methods served on a path, for CORS preflights; empty when the path is not an API route. */
  methodsFor(path: string): string[] {
    return [...new Set(this.#routes.filter((r) => r.pattern.test(path)).map((r) => r.route.method))];
  }
}
