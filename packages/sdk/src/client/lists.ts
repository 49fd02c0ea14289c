import * as endpoints from '../contract/endpoints.js';
import {
  List,
  ListCreate,
  type ListCreate as ListCreateInput,
  ListDeleteQuery,
  type ListDeleteQuery as ListDeleteQueryInput,
  ListId,
  ListPage,
  ListPatch,
  type ListPatch as ListPatchInput,
  ListsQuery,
  type ListsQuery as ListsQueryInput,
  MEMBER_SELF,
  Member,
  MemberInvite,
  MemberPage,
  MemberPathParams,
} from '../contract/index.js';
import { fillPath } from './fill-path.js';
import { everyItem, withCursor } from './paging.js';
import { checkInput, ifMatchHeader } from './request-checks.js';
import { searchParamsOf } from './search-params.js';
import type { CallOptions, ConditionalOptions } from './todos.js';
import type { AnswerOf, Transport } from './transport.js';

/** Which lists to list, and how many per page. */
export type ListsListQuery = Omit<ListsQueryInput, 'limit' | 'cursor'> & {
  /** The previous page's `nextCursor`; `null` or absent starts at the beginning. */
  cursor?: string | null;
  /** Lists per page, 1–100. @default 25 */
  limit?: number;
};

/** The id, checked to be a list id ("inbox" or a ULID), so it can never reach another path. */
function checkListId(listId: string, request: { method: string; path: string }): string {
  return checkInput(ListId, listId, request);
}

/** Who is on a list: `client.lists.members`. Sharing is by e-mail address and is the owner's alone. */
export class MembersResource {
  readonly #transport: Transport;

  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Everyone on the list, the owner first, invitations included (`status: 'invited'`).
   *
   * @example
   * ```ts
   * const { items } = await client.lists.members.list(listId);
   * ```
   */
  async list(listId: string, options: CallOptions = {}): Promise<MemberPage> {
    const { method, path: template } = endpoints.listMembers;
    const path = fillPath(template, { listId: checkListId(listId, { method, path: template }) });
    const { data } = await this.#transport.send({
      method,
      path,
      signal: options.signal,
      answer: MemberPage satisfies AnswerOf<'listMembers'>,
    });
    return data;
  }

  /**
   * Shares the list with an address: a member at once if it has an account, else an invitation
   * that becomes membership at that address's first sign-in. Sharing twice is harmless.
   *
   * @example
   * ```ts
   * await client.lists.members.add(listId, 'sam@example.com');
   * ```
   */
  async add(listId: string, email: string, options: CallOptions = {}): Promise<Member> {
    const { method, path: template } = endpoints.addMember;
    const path = fillPath(template, { listId: checkListId(listId, { method, path: template }) });
    const body = checkInput(MemberInvite, { email }, { method, path });
    const { data } = await this.#transport.send({
      method,
      path,
      json: body,
      signal: options.signal,
      answer: Member satisfies AnswerOf<'addMember'>,
    });
    return data;
  }

  /**
   * Takes a member or an invitation off the list (the owner), by its id from {@link MembersResource.list}.
   *
   * @example
   * ```ts
   * await client.lists.members.remove(listId, member.id);
   * ```
   */
  async remove(listId: string, memberId: string, options: CallOptions = {}): Promise<void> {
    const { method, path: template } = endpoints.removeMember;
    const params = checkInput(MemberPathParams, { listId, memberId }, { method, path: template });
    await this.#transport.send({
      method,
      path: fillPath(template, params),
      signal: options.signal,
      answer: null satisfies AnswerOf<'removeMember'>,
    });
  }

  /**
   * Leaves a list someone shared with the caller.
   *
   * @example
   * ```ts
   * await client.lists.members.leave(listId);
   * ```
   */
  leave(listId: string, options: CallOptions = {}): Promise<void> {
    return this.remove(listId, MEMBER_SELF, options);
  }
}

/** The caller's lists and the lists shared with them: `client.lists`. */
export class ListsResource {
  readonly #transport: Transport;
  /** Who is on each list. */
  readonly members: MembersResource;

  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
    this.members = new MembersResource(transport);
  }

  /**
   * One page of lists: the Inbox first, then in the order they were made; archived ones only
   * with `archived: 'include'` or `'only'`.
   *
   * @example
   * ```ts
   * const { items } = await client.lists.list();
   * ```
   */
  async list(query: ListsListQuery = {}, options: CallOptions = {}): Promise<ListPage> {
    const { method, path } = endpoints.listLists;
    const sent = withCursor(query);
    checkInput(ListsQuery, sent, { method, path }, 'invalid_query');
    const { data } = await this.#transport.send({
      method,
      path,
      searchParams: searchParamsOf(sent),
      signal: options.signal,
      answer: ListPage satisfies AnswerOf<'listLists'>,
    });
    return data;
  }

  /**
   * Every list, page after page.
   *
   * @example
   * ```ts
   * for await (const list of client.lists.iterate()) console.log(list.name, list.openCount);
   * ```
   */
  async *iterate(
    query: Omit<ListsListQuery, 'cursor'> = {},
    options: CallOptions = {},
  ): AsyncGenerator<List, void, undefined> {
    yield* everyItem((page) => this.list(page, options), query);
  }

  /**
   * Makes a list; its name must differ from the caller's other lists' (case aside), else a
   * {@link ConflictError} with code `list_name_taken`.
   *
   * @example
   * ```ts
   * const groceries = await client.lists.create({ name: 'Groceries' });
   * ```
   */
  async create(input: ListCreateInput, options: CallOptions = {}): Promise<List> {
    const { method, path } = endpoints.createList;
    const body = checkInput(ListCreate, input, { method, path });
    const { data } = await this.#transport.send({
      method,
      path,
      json: body,
      signal: options.signal,
      answer: List satisfies AnswerOf<'createList'>,
    });
    return data;
  }

  /**
   * One list, with its count of open todos.
   *
   * @example
   * ```ts
   * const inbox = await client.lists.get('inbox');
   * ```
   */
  async get(listId: string, options: CallOptions = {}): Promise<List> {
    const { method, path: template } = endpoints.getList;
    const path = fillPath(template, { listId: checkListId(listId, { method, path: template }) });
    const { data } = await this.#transport.send({
      method,
      path,
      signal: options.signal,
      answer: List satisfies AnswerOf<'getList'>,
    });
    return data;
  }

  /**
   * Renames or archives a list of the caller's own; with `ifMatch`, only at that version.
   *
   * @example
   * ```ts
   * await client.lists.update(listId, { name: 'Weekly shop' });
   * ```
   */
  async update(listId: string, patch: ListPatchInput, options: ConditionalOptions = {}): Promise<List> {
    const { method, path: template } = endpoints.updateList;
    const path = fillPath(template, { listId: checkListId(listId, { method, path: template }) });
    const body = checkInput(ListPatch, patch, { method, path });
    const { data } = await this.#transport.send({
      method,
      path,
      json: body,
      headers: ifMatchHeader(options.ifMatch, { method, path }),
      signal: options.signal,
      answer: List satisfies AnswerOf<'updateList'>,
    });
    return data;
  }

  /**
   * Deletes a list of the caller's own. One that still has todos needs `{ todos: 'delete' }`
   * or `{ moveTo: listId }`, else a {@link ConflictError} with code `list_not_empty`.
   *
   * @example
   * ```ts
   * await client.lists.delete(listId, { moveTo: 'inbox' });
   * ```
   */
  async delete(listId: string, query: ListDeleteQueryInput = {}, options: CallOptions = {}): Promise<void> {
    const { method, path: template } = endpoints.deleteList;
    const path = fillPath(template, { listId: checkListId(listId, { method, path: template }) });
    const sent = checkInput(ListDeleteQuery, query, { method, path }, 'invalid_query');
    await this.#transport.send({
      method,
      path,
      searchParams: searchParamsOf(sent),
      signal: options.signal,
      answer: null satisfies AnswerOf<'deleteList'>,
    });
  }
}
