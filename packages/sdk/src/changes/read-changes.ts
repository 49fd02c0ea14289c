import type { ChangesOptions } from '../client/changes.js';
import { searchParamsOf } from '../client/search-params.js';
import type { AnswerOf, Transport } from '../client/transport.js';
import { listChanges } from '../contract/endpoints.js';
import type { ChangePage } from '../index.js';

/**
 * What `client.changes.since` runs, loaded on first use: one page of the feed. The answer's
 * schema (the contract's `ChangePage`) comes from the caller, so this file needs no zod of its
 * own in the browser. The cursor and the limit are the API's to check (a `ValidationError`).
 */
export async function readChanges(
  transport: Transport,
  answer: AnswerOf<'listChanges'>,
  cursor: string | null | undefined,
  options: ChangesOptions,
): Promise<ChangePage> {
  const query = {
    ...(cursor === null || cursor === undefined ? {} : { since: cursor }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  };
  const { data } = await transport.send({
    ...listChanges,
    searchParams: searchParamsOf(query),
    signal: options.signal,
    answer,
  });
  return data;
}
