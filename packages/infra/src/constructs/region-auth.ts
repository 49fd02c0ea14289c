import type * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { PrimaryAuth, type PrimaryAuthProps, publishAuth } from './primary-auth.js';
import { TodoAuth, type TodoAuthProps } from './todo-auth.js';

/** Options of {@link RegionAuth}: the primary region makes the user pool, the others read it. */
export type RegionAuthProps =
  | {
      /** This region holds the user pool and its clients. */
      readonly primary: TodoAuthProps & {
        /** Publish the pool for other regions and the page's stack. */
        readonly publish: boolean;
        /** The parameter it is published in (the stage's `/<stage>-todolist/auth`). */
        readonly parameterName: string;
      };
    }
  | {
      /** The user pool lives in another region, whose parameter is read. */
      readonly replicaOf: PrimaryAuthProps;
    };

/**
 * What a region's API needs of sign-in, wherever the user pool lives: the pool for its
 * authorizer and the machine client whose tokens act for the configured owner. In the primary
 * region it makes the pool (`pool`); in another one it reads the primary's parameter.
 */
export class RegionAuth extends Construct {
  readonly userPool: cognito.IUserPool;
  /** The client-credentials client's id, when there is one. */
  readonly machineClientId: string | undefined;
  /** The user pool and its clients, in the region that holds them; undefined elsewhere. */
  readonly pool: TodoAuth | undefined;
  /** The tokens' issuer and every app client's id, for the live authorizer. */
  readonly accessTokens: { readonly issuer: string; readonly clientIds: readonly string[] };

  constructor(scope: Construct, id: string, props: RegionAuthProps) {
    super(scope, id);
    if ('primary' in props) {
      const { publish, parameterName, ...poolProps } = props.primary;
      const pool = new TodoAuth(this, 'Pool', poolProps);
      if (publish) publishAuth(this, 'Parameter', pool, parameterName);
      this.pool = pool;
      this.userPool = pool.userPool;
      this.machineClientId = pool.machineClient?.userPoolClientId;
      const clients = [pool.webClient, pool.cliClient, ...(pool.machineClient ? [pool.machineClient] : [])];
      this.accessTokens = {
        issuer: pool.issuer,
        clientIds: clients.map((client) => client.userPoolClientId),
      };
    } else {
      const primary = new PrimaryAuth(this, 'Primary', props.replicaOf);
      this.pool = undefined;
      this.userPool = primary.userPool;
      this.machineClientId = primary.machineClientId;
      // `none` for no machine client: no token names that client id.
      this.accessTokens = {
        issuer: primary.webSignIn.issuer,
        clientIds: [primary.webSignIn.clientId, primary.cliClientId, primary.machineClientId],
      };
    }
  }
}
