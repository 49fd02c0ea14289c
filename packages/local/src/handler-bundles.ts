import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  HANDLER_VARIABLES,
  type HandlerSettings,
  handlerEnvironment,
  type ProxyHandler,
} from '@todolist/handlers';
import { lambdaBundle, ROUTE_MODULES, TRIGGER_MODULES, type TriggerName } from '@todolist/handlers/bundles';
import type { RouteName } from '@todolist/sdk/contract';

// Stacks load their handlers one at a time: each load sets the environment its modules read.
let loading: Promise<unknown> = Promise.resolve();
let loads = 0;

/** A Cognito trigger's handler: takes the trigger's event, answers it (changed or not). */
export type TriggerHandler = (event: unknown) => Promise<unknown>;

/** The loaded bundles: one handler per route, one per Cognito trigger. */
export interface HandlerBundles {
  routes: Record<RouteName, ProxyHandler>;
  triggers: Record<TriggerName, TriggerHandler>;
}

/**
 * The handlers as Lambda runs them: each route's and trigger's built bundle, given `settings` through the
 * environment (`handlerEnvironment`, as the CDK app gives each function), read once when the
 * bundle loads, as in a Lambda container. Each call loads fresh copies (a query on the module
 * URL), so every local stack in a process has handlers of its own, bound to its own database.
 */
export function loadHandlerBundles(settings: HandlerSettings): Promise<HandlerBundles> {
  const load = loading.then(() => importBundles(settings, ++loads));
  loading = load.catch(() => undefined);
  return load;
}

async function importBundles(settings: HandlerSettings, copy: number): Promise<HandlerBundles> {
  const routeNames = Object.keys(ROUTE_MODULES) as RouteName[];
  const triggerNames = Object.keys(TRIGGER_MODULES) as TriggerName[];
  const missing = [...routeNames, ...triggerNames].find((name) => !existsSync(lambdaBundle(name)));
  if (missing)
    throw new Error(
      `the handlers are not built (no ${lambdaBundle(missing)}): run \`npm run build -w @todolist/handlers\``,
    );
  // A variable left over from the shell (MACHINE_OWNERS, say) must not reach the handlers.
  for (const name of HANDLER_VARIABLES) delete process.env[name];
  Object.assign(process.env, handlerEnvironment(settings));
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const load = <Handler>(names: readonly (RouteName | TriggerName)[]) =>
    Promise.all(
      names.map(async (name) => {
        const url = `${pathToFileURL(lambdaBundle(name)).href}?stack=${copy}`;
        const module = (await import(/* @vite-ignore */ url)) as { handler: Handler };
        return [name, module.handler] as const;
      }),
    ).then((entries) => Object.fromEntries(entries));
  const [routes, triggers] = await Promise.all([
    load<ProxyHandler>(routeNames),
    load<TriggerHandler>(triggerNames),
  ]);
  return { routes, triggers } as HandlerBundles;
}
