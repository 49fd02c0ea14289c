import type { List, Member, TodolistClient } from '@todolist/sdk';

/**
 * Who is on each shared list, read once per list per run, so a todo's `createdBy` (a `sub`) can
 * be shown as the address of the person behind it.
 */
export class MemberNames {
  readonly #client: TodolistClient;
  readonly #signal: AbortSignal;
  readonly #members = new Map<string, Promise<readonly Member[]>>();

  constructor(client: TodolistClient, signal: AbortSignal) {
    this.#client = client;
    this.#signal = signal;
  }

  /** Everyone on the list, the owner first. */
  members(listId: string): Promise<readonly Member[]> {
    let members = this.#members.get(listId);
    if (!members) {
      members = this.#client.lists.members.list(listId, { signal: this.#signal }).then((page) => page.items);
      this.#members.set(listId, members);
    }
    return members;
  }

  /** The address of `sub` on the list, else the `sub` itself (an owner who has not signed in since lists came). */
  async nameOf(listId: string, sub: string): Promise<string> {
    const member = (await this.members(listId)).find((each) => each.id === sub);
    return member?.email ?? sub;
  }

  /** The owner's address of a list shared with the caller, when the API knows it. */
  async ownerOf(list: Pick<List, 'id'>): Promise<string | undefined> {
    const owner = (await this.members(list.id)).find((each) => each.role === 'owner');
    return owner?.email ?? undefined;
  }
}
