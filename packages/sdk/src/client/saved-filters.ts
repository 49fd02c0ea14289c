import * as endpoints from '../contract/endpoints.js';
import {
  SavedFilter,
  SavedFilterCreate,
  type SavedFilterCreate as SavedFilterCreateInput,
  SavedFilterId,
  SavedFilterPage,
  SavedFilterPatch,
  type SavedFilterPatch as SavedFilterPatchInput,
} from '../contract/index.js';
import { fillPath } from './fill-path.js';
import { checkInput, ifMatchHeader } from './request-checks.js';
import type { CallOptions, ConditionalOptions } from './todos.js';
import type { AnswerOf, Transport } from './transport.js';

/** The path of one saved filter, its id checked to be a ULID so it can never reach another path. */
function filterPath(template: string, filterId: string, method: string): string {
  return fillPath(template, { filterId: checkInput(SavedFilterId, filterId, { method, path: template }) });
}

/**
 * The caller's saved filters: `client.filters`. A saved filter is a named query in the filter
 * language, the person's own; run it with `client.todos.list({ filter: saved.query })`.
 */
export class SavedFiltersResource {
  readonly #transport: Transport;

  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * All of the caller's saved filters, oldest first: at most 50, so one call, no pages.
   *
   * @example
   * ```ts
   * const { items } = await client.filters.list();
   * for (const saved of items) console.log(saved.name, saved.query);
   * ```
   */
  async list(options: CallOptions = {}): Promise<SavedFilterPage> {
    const { method, path } = endpoints.listFilters;
    const { data } = await this.#transport.send({
      method,
      path,
      signal: options.signal,
      answer: SavedFilterPage satisfies AnswerOf<'listFilters'>,
    });
    return data;
  }

  /**
   * Saves a filter. A query that does not parse is refused before any request, with where it
   * goes wrong, as the API would refuse it: a {@link ValidationError}. The 51st is refused with a
   * {@link ConflictError}, code `limit_reached`.
   *
   * @example
   * ```ts
   * const workToday = await client.filters.create({ name: 'Work today', query: '(today | overdue) & #work' });
   * const { items } = await client.todos.list({ filter: workToday.query });
   * ```
   */
  async create(input: SavedFilterCreateInput, options: CallOptions = {}): Promise<SavedFilter> {
    const { method, path } = endpoints.createFilter;
    const body = checkInput(SavedFilterCreate, input, { method, path });
    const { data } = await this.#transport.send({
      method,
      path,
      json: body,
      signal: options.signal,
      answer: SavedFilter satisfies AnswerOf<'createFilter'>,
    });
    return data;
  }

  /**
   * One saved filter; another person's, or one deleted, is a {@link NotFoundError} (code
   * `filter_not_found`).
   *
   * @example
   * ```ts
   * const saved = await client.filters.get(filterId);
   * ```
   */
  async get(filterId: string, options: CallOptions = {}): Promise<SavedFilter> {
    const { method, path: template } = endpoints.getFilter;
    const { data } = await this.#transport.send({
      method,
      path: filterPath(template, filterId, method),
      signal: options.signal,
      answer: SavedFilter satisfies AnswerOf<'getFilter'>,
    });
    return data;
  }

  /**
   * Renames a saved filter or changes its query; with `ifMatch`, only if it is still at that
   * version, else a {@link PreconditionFailedError}.
   *
   * @example
   * ```ts
   * const saved = await client.filters.get(filterId);
   * await client.filters.update(filterId, { query: `${saved.query} & !p3` }, { ifMatch: saved.version });
   * ```
   */
  async update(
    filterId: string,
    patch: SavedFilterPatchInput,
    options: ConditionalOptions = {},
  ): Promise<SavedFilter> {
    const { method, path: template } = endpoints.updateFilter;
    const path = filterPath(template, filterId, method);
    const body = checkInput(SavedFilterPatch, patch, { method, path });
    const { data } = await this.#transport.send({
      method,
      path,
      json: body,
      headers: ifMatchHeader(options.ifMatch, { method, path }),
      signal: options.signal,
      answer: SavedFilter satisfies AnswerOf<'updateFilter'>,
    });
    return data;
  }

  /**
   * Deletes a saved filter; with `ifMatch`, only if it is still at that version.
   *
   * @example
   * ```ts
   * await client.filters.delete(filterId);
   * ```
   */
  async delete(filterId: string, options: ConditionalOptions = {}): Promise<void> {
    const { method, path: template } = endpoints.deleteFilter;
    const path = filterPath(template, filterId, method);
    await this.#transport.send({
      method,
      path,
      headers: ifMatchHeader(options.ifMatch, { method, path }),
      signal: options.signal,
      answer: null satisfies AnswerOf<'deleteFilter'>,
    });
  }
}
