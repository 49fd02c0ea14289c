import { describe, expect, it } from 'vitest';
import { liveUrlOf, withToken } from './live-url.js';

describe('the live URL', () => {
  it.each([
    ['http://localhost:3000', 'ws://localhost:3000/v1/live'],
    ['https://api.todolist.com', 'wss://api.todolist.com/v1/live'],
    ['https://example.com/todo-api', 'wss://example.com/todo-api/v1/live'],
  ])('is derived from baseUrl %s as %s when no liveUrl is given', (baseUrl, live) => {
    expect(liveUrlOf(undefined, baseUrl).href).toBe(live);
  });

  it('is liveUrl as given: on AWS, the WebSocket API’s own URL', () => {
    const given = 'wss://abc123.execute-api.eu-west-1.amazonaws.com/live';
    expect(liveUrlOf(given, 'https://api.todolist.com').href).toBe(given);
    expect(liveUrlOf(new URL(given), 'https://api.todolist.com').href).toBe(given);
  });

  it.each(['https://live.todolist.com', 'live.todolist.com', ''])(
    'refuses %j: not a ws: or wss: URL',
    (given) => {
      expect(() => liveUrlOf(given, 'https://api.todolist.com')).toThrow(
        new TypeError(
          `liveUrl must be an absolute ws: or wss: URL, such as the stack's LiveUrl output (got "${given}")`,
        ),
      );
    },
  );

  it('carries the access token in its query, encoded', () => {
    expect(withToken(new URL('wss://live.todolist.com/live'), 'a.b+c/d=')).toBe(
      'wss://live.todolist.com/live?token=a.b%2Bc%2Fd%3D',
    );
  });
});
