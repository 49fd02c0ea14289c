import {
  type ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';

/** What became of one post to a connection. */
export type PostOutcome = 'sent' | 'gone';

/**
 * Sends a message down a live connection: the one part of live pushes that needs API Gateway
 * itself (its connection management API), so tests give the pusher a fake of this.
 */
export interface ConnectionPoster {
  /** Posts `message`; `'gone'` when the connection no longer exists. Any other failure throws. */
  post(connectionId: string, message: string): Promise<PostOutcome>;
}

/**
 * A {@link ConnectionPoster} over the WebSocket stage's management endpoint (PostToConnection).
 * The SDK retries throttling and 5xx answers itself; a 410 is a connection that closed without
 * its $disconnect having run yet (or at all).
 */
export function managementApiPoster(client: ApiGatewayManagementApiClient): ConnectionPoster {
  const encoder = new TextEncoder();
  return {
    async post(connectionId, message) {
      try {
        await client.send(
          new PostToConnectionCommand({ ConnectionId: connectionId, Data: encoder.encode(message) }),
        );
        return 'sent';
      } catch (error) {
        if (
          error instanceof GoneException ||
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410
        )
          return 'gone';
        throw error;
      }
    },
  };
}
