import { describe, expect, it, vi } from 'vitest';
import { apiEvent, bodyOf, headerOf } from '../../test/support/events.js';
import { documentClient } from '../container.js';
import { handler as health } from './health.js';

const healthEvent = () => apiEvent({ path: '/v1/health', resource: '/v1/health', owner: null });

describe('health', () => {
  it('answers 200 {"status":"ok"} after reading the table, with no token and nothing cached', async () => {
    const send = vi.spyOn(documentClient, 'send');
    const result = await health(healthEvent());
    expect(result.statusCode).toBe(200);
    expect(bodyOf(result)).toEqual({ status: 'ok' });
    expect(headerOf(result, 'cache-control')).toBe('no-store');
    expect(send.mock.calls.map(([command]) => command.constructor.name)).toEqual(['GetCommand']);
    send.mockRestore();
  });

  it('answers 503 service_unavailable problem+json when the table cannot be read', async () => {
    const send = vi.spyOn(documentClient, 'send').mockRejectedValue(new Error('connect ECONNREFUSED'));
    const result = await health(healthEvent());
    send.mockRestore();
    expect(result.statusCode).toBe(503);
    expect(headerOf(result, 'content-type')).toBe('application/problem+json');
    expect(bodyOf(result)).toMatchObject({ code: 'service_unavailable' });
    expect(JSON.stringify(bodyOf(result))).not.toContain('ECONNREFUSED');
  });
});
