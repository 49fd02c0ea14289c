import type { RouteName } from '@todolist/sdk/contract';

/** Each route's handler module in `src/routes/`, by the route table's names. */
export declare const ROUTE_MODULES: Readonly<Record<RouteName, string>>;
/** The Cognito triggers' handler modules in `src/triggers/`. */
export declare const TRIGGER_MODULES: Readonly<Record<TriggerName, string>>;
/** The name of a Cognito trigger's bundle. */
export type TriggerName = 'signIn';
/** The live pushes' handler modules in `src/live/` (the WebSocket API's, on AWS). */
export declare const LIVE_MODULES: Readonly<Record<LiveName, string>>;
/** The name of a live handler's bundle. */
export type LiveName = 'liveAuthorizer' | 'liveConnect' | 'liveDisconnect' | 'livePusher';
/** The name of any Lambda bundle. */
export type BundleName = RouteName | TriggerName | LiveName;
/** The folder of a route's or trigger's built bundle (`index.mjs` and its source map), as Lambda gets it. */
export declare function lambdaBundleDir(name: BundleName, root?: string): string;
/** The built bundle of a route or trigger: the file the local gateway imports and Lambda runs. */
export declare function lambdaBundle(name: BundleName, root?: string): string;
/** Each route's entry file and bundle path. */
export declare function routeBundles(root?: string): { name: RouteName; entry: string; outfile: string }[];
/** Each trigger's entry file and bundle path. */
export declare function triggerBundles(
  root?: string,
): { name: TriggerName; entry: string; outfile: string }[];
/** Each live handler's entry file and bundle path. */
export declare function liveBundles(root?: string): { name: LiveName; entry: string; outfile: string }[];
/** esbuild settings for code that runs on Lambda's Node 24 runtime. */
export declare const bundleOptions: Record<string, unknown>;
