/**
 * The single-table key scheme; store/README.md draws it. Only the store knows these shapes.
 *
 * A person's partition (`USER#<sub>`) holds the todos of every list they own, the Inbox
 * included, so moving a todo between their own lists is one update. Beside the todos it holds
 * those lists, their members and invitations, the person's claims on list names and on
 * `Idempotency-Key`s, a reference to each list others share with them, and their saved
 * filters. Prefixes keep each kind apart in sort order.
 */
export const TODO_SK_PREFIX = 'TODO#';
const LIST_SK_PREFIX = 'LIST#';
const MEMBER_INFIX = '#MEMBER#';
const INVITE_INFIX = '#INVITE#';
const SHARED_SK_PREFIX = 'SHARED#';

type Key = { pk: string; sk: string };

const PERSON_PREFIX = 'USER#';

export function ownerPartition(ownerId: string): string {
  return `${PERSON_PREFIX}${ownerId}`;
}

/** The person whose partition `pk` is. */
export function ownerOfPartition(pk: string): string {
  return pk.slice(PERSON_PREFIX.length);
}

/** Sorts after every character of an id or a position: the open end of a range of sort keys. */
export const RANGE_END = '~';

export function todoKey(ownerId: string, id: string): Key {
  return { pk: ownerPartition(ownerId), sk: `${TODO_SK_PREFIX}${id}` };
}

export function idFromSortKey(sk: string): string {
  return sk.slice(TODO_SK_PREFIX.length);
}

/** A list the person owns (never the Inbox, which has no item). */
export function listKey(ownerId: string, listId: string): Key {
  return { pk: ownerPartition(ownerId), sk: `${LIST_SK_PREFIX}${listId}` };
}

/** The sort keys of everything about the owner's lists: `begins_with(sk, LIST_SK_PREFIX)`. */
export { LIST_SK_PREFIX };

/** The prefix of one list's members and invitations. */
export function listPeoplePrefix(listId: string): string {
  return `${LIST_SK_PREFIX}${listId}#`;
}

/** A member of the owner's list: the item that grants access, in the owner's partition. */
export function memberKey(ownerId: string, listId: string, memberId: string): Key {
  return { pk: ownerPartition(ownerId), sk: `${LIST_SK_PREFIX}${listId}${MEMBER_INFIX}${memberId}` };
}

/** An invitation to the owner's list, for an address with no account yet. */
export function inviteKey(ownerId: string, listId: string, inviteId: string): Key {
  return { pk: ownerPartition(ownerId), sk: `${LIST_SK_PREFIX}${listId}${INVITE_INFIX}${inviteId}` };
}

/** What a `LIST#…` sort key names: a list, one of its members, or one of its invitations. */
export function parseListSortKey(
  sk: string,
): { kind: 'list' | 'member' | 'invite'; listId: string; personId?: string } | undefined {
  if (!sk.startsWith(LIST_SK_PREFIX)) return undefined;
  const rest = sk.slice(LIST_SK_PREFIX.length);
  for (const [infix, kind] of [
    [MEMBER_INFIX, 'member'],
    [INVITE_INFIX, 'invite'],
  ] as const) {
    const at = rest.indexOf(infix);
    if (at >= 0) return { kind, listId: rest.slice(0, at), personId: rest.slice(at + infix.length) };
  }
  return { kind: 'list', listId: rest };
}

// A saved filter sorts before everything else of its person's (`FILTER#` < `IDEMPOTENCY#` <
// `LIST#`), outside each range a listing Queries (`LIST#` … `SHARED#`, `TODO#`, one list's
// people). It has no change stamp and none of the indexes' sort keys, so no index holds it and
// the changes feed never shows it.
const SAVED_FILTER_SK_PREFIX = 'FILTER#';

/** One of the person's saved filters. */
export function savedFilterKey(ownerId: string, filterId: string): Key {
  return { pk: ownerPartition(ownerId), sk: `${SAVED_FILTER_SK_PREFIX}${filterId}` };
}

/** The id of the saved filter at a `FILTER#…` sort key. */
export function savedFilterIdFromSortKey(sk: string): string {
  return sk.slice(SAVED_FILTER_SK_PREFIX.length);
}

/** The sort keys of every saved filter of a person's: `begins_with(sk, SAVED_FILTER_SK_PREFIX)`. */
export { SAVED_FILTER_SK_PREFIX };

/** The claim a list's name makes among its owner's lists, case folded, so names are unique. */
export function listNameKey(ownerId: string, name: string): Key {
  return { pk: ownerPartition(ownerId), sk: `LISTNAME#${name.toLocaleLowerCase('en')}` };
}

/** In a member's own partition: a list another person shares with them (the member item decides). */
export function sharedRefKey(memberId: string, listId: string): Key {
  return { pk: ownerPartition(memberId), sk: `${SHARED_SK_PREFIX}${listId}` };
}
export { SHARED_SK_PREFIX };

/** The person's address as their last sign-in gave it, for the members list. */
export function profileKey(personId: string): Key {
  return { pk: ownerPartition(personId), sk: 'PROFILE' };
}

function addressPartition(email: string): string {
  return `EMAIL#${email}`;
}

/** Which account signed in with this verified address, once one has. */
export function accountKey(email: string): Key {
  return { pk: addressPartition(email), sk: 'ACCOUNT' };
}

/** An invitation to this address, where its first sign-in finds it. */
export function addressInviteKey(email: string, ownerId: string, listId: string): Key {
  return { pk: addressPartition(email), sk: `INVITE#${ownerId}#${listId}` };
}
export const ADDRESS_INVITE_PREFIX = 'INVITE#';
export { addressPartition };

/** The key the health check reads: no person's partition, and no item needs to be there. */
export const HEALTH_SENTINEL_KEY = { pk: 'HEALTH', sk: 'SENTINEL' } as const;

/** The claim an `Idempotency-Key` makes in its owner's partition (see keyed-create.ts). */
export function keyClaimKey(ownerId: string, key: string): Key {
  return { pk: ownerPartition(ownerId), sk: `IDEMPOTENCY#${key}` };
}

/** The sort-key prefix of one list's member items (the people it is shared with). */
export function listMembersPrefix(listId: string): string {
  return `${LIST_SK_PREFIX}${listId}${MEMBER_INFIX}`;
}

// A live connection (AWS: one of the WebSocket API's, written by its $connect route) is kept in
// its person's partition, so the pusher finds a person's connections with one Query. Each names
// its region: a global table copies the item everywhere, and only the region whose API holds
// the connection can post to it.
const CONNECTION_PREFIX = 'LIVE#';

/** The sort-key prefix of every live connection, in every region. */
export const CONNECTION_SK_PREFIX = CONNECTION_PREFIX;

/** A person's live connection, in the region whose WebSocket API holds it. */
export function connectionKey(personId: string, region: string, connectionId: string): Key {
  return { pk: ownerPartition(personId), sk: `${regionConnectionsPrefix(region)}${connectionId}` };
}

/** The sort-key prefix of a person's connections in one region: `begins_with(sk, …)`. */
export function regionConnectionsPrefix(region: string): string {
  return `${CONNECTION_PREFIX}${region}#`;
}
