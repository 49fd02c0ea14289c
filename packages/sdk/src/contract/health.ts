import * as z from 'zod/mini';

/**
 * The answer of `GET /v1/health`: given only after a real read of the table, so a load
 * balancer's health check (Route 53's) learns whether this region can serve todos.
 */
export const Health = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof Health>;
