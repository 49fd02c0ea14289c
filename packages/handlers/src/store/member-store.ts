import { createHash } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  INBOX_LIST_ID,
  MAX_MEMBERS,
  MAX_SHARED_LISTS,
  MEMBER_SELF,
  type Member,
  type MemberPage,
} from '@todolist/sdk/contract';
import { ListConflictError, MemberNotFoundError, OwnerOnlyError, ValidationError } from '../errors.js';
import { CHANGE_STAMP, GONE, leaveTombstone, newChangeStamp, touchStamp } from './change-stamp.js';
import {
  ADDRESS_INVITE_PREFIX,
  accountKey,
  addressInviteKey,
  addressPartition,
  inviteKey,
  listKey,
  listPeoplePrefix,
  memberKey,
  ownerPartition,
  parseListSortKey,
  profileKey,
  SHARED_SK_PREFIX,
  sharedRefKey,
} from './keys.js';
import { resolveList, resolveOwnList } from './list-access.js';
import type { ListAccess } from './list-item.js';
import { type Table, writeIf } from './table.js';

/** A member or an invitation as stored in the owner's partition. */
export interface PersonRow {
  pk: string;
  sk: string;
  email: string;
  addedAt: string;
}

/** An invitation as its address's partition keeps it, for the first sign-in to find. */
interface AddressInvite {
  ownerId: string;
  listId: string;
  inviteId: string;
}

/** An invitation's id: stable per list and address, so sharing twice makes one invitation. */
function inviteIdOf(listId: string, email: string): string {
  return `invite-${createHash('sha256').update(`${listId}\n${email}`).digest('hex').slice(0, 24)}`;
}

/** How many people besides the owner are on the list, invitations included: one Query. */
export async function countPeople(table: Table, access: ListAccess): Promise<number> {
  return (await peopleOf(table, access)).length;
}

/** The list's members and invitations, as stored: one Query of the list's people in its owner's partition. */
export async function peopleOf(table: Table, access: ListAccess): Promise<PersonRow[]> {
  const { Items } = await table.client.send(
    new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :people)',
      ExpressionAttributeValues: {
        ':pk': ownerPartition(access.ownerId),
        ':people': listPeoplePrefix(access.listId),
      },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as PersonRow[];
}

/**
 * Puts the item, stamped for the changes feed, unless it is there already; a tombstone there (an
 * earlier membership that ended) is replaced.
 */
async function putIfAbsent(table: Table, item: Record<string, unknown>): Promise<void> {
  await writeIf(
    table.client,
    new PutCommand({
      TableName: table.name,
      Item: { ...item, [CHANGE_STAMP]: newChangeStamp() },
      ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(#gone)',
      ExpressionAttributeNames: { '#gone': GONE },
    }),
  );
}

async function deleteKey(table: Table, key: { pk: string; sk: string }): Promise<void> {
  await table.client.send(new DeleteCommand({ TableName: table.name, Key: key }));
}

/**
 * Who is on a list and sharing it: the owner decides, by e-mail address. An address with an
 * account becomes a member at once; one without is an invitation, which that address's first
 * sign-in turns into membership ({@link MemberStore.recordSignIn}, called by the sign-in trigger).
 */
export class MemberStore {
  readonly #table: Table;
  readonly #now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: { tableName: string; now?: () => Date }) {
    this.#table = { client, name: options.tableName };
    this.#now = options.now ?? (() => new Date());
  }

  /** Everyone on the list, the owner first: any member may see who else is. */
  async list(callerId: string, listId: string): Promise<MemberPage> {
    const access = await resolveList(this.#table, callerId, listId);
    const [people, profile] = await Promise.all([
      access.item ? peopleOf(this.#table, access) : Promise.resolve([]),
      this.#table.client.send(
        new GetCommand({
          TableName: this.#table.name,
          Key: profileKey(access.ownerId),
          ConsistentRead: true,
        }),
      ),
    ]);
    const owner: Member = {
      id: access.ownerId,
      email: (profile.Item?.email as string | undefined) ?? null,
      role: 'owner',
      status: 'member',
      addedAt: null,
    };
    return { items: [owner, ...people.map(memberOf)], nextCursor: null };
  }

  /** Shares the caller's list with `email`: a member if it has an account, else an invitation. */
  async add(callerId: string, listId: string, email: string): Promise<Member> {
    if (listId === INBOX_LIST_ID) {
      throw new ListConflictError('inbox_fixed', 'the Inbox is yours alone: share another list');
    }
    const access = await resolveOwnList(this.#table, callerId, listId, 'share it');
    const [account, people] = await Promise.all([this.#accountOf(email), peopleOf(this.#table, access)]);
    if (account === callerId) {
      throw new ValidationError('email: that is your own address', [
        { path: 'email', message: 'that is your own address: the list is yours already' },
      ]);
    }
    const already = people.find((row) => row.email === email);
    if (already) return memberOf(already);
    if (people.length >= MAX_MEMBERS) {
      throw new ListConflictError(
        'limit_reached',
        `a list can have at most ${MAX_MEMBERS} people besides its owner`,
      );
    }
    const addedAt = this.#now().toISOString();
    if (account !== undefined) return this.#addMember(access, account, email, addedAt);
    const inviteId = inviteIdOf(listId, email);
    await putIfAbsent(this.#table, { ...inviteKey(callerId, listId, inviteId), email, addedAt });
    await putIfAbsent(this.#table, {
      ...addressInviteKey(email, callerId, listId),
      ownerId: callerId,
      listId,
      inviteId,
    });
    // An account made between the lookup and the invitation would miss it until its next
    // sign-in: look again, and accept for it now.
    const late = await this.#accountOf(email);
    if (late !== undefined) {
      await this.#accept(late, email, { ownerId: callerId, listId, inviteId });
      return { id: late, email, role: 'member', status: 'member', addedAt };
    }
    return { id: inviteId, email, role: 'member', status: 'invited', addedAt };
  }

  /**
   * Takes a member or an invitation off the list (its owner), or the caller off it (a member
   * leaving, with their own id or {@link MEMBER_SELF}). The member's reference becomes a
   * tombstone first: access ends at once (a list is theirs only through both), and their changes
   * feed says their membership ended. Then the member item goes, and the list is stamped so that
   * everyone still on it hears.
   */
  async remove(callerId: string, listId: string, memberId: string): Promise<void> {
    const access = await resolveList(this.#table, callerId, listId);
    const target = memberId === MEMBER_SELF ? callerId : memberId;
    if (access.role === 'member') {
      if (target !== callerId) throw new OwnerOnlyError(listId, 'take others off it');
    } else if (target === callerId) {
      throw new ListConflictError(
        'owner_cannot_leave',
        'you own this list: delete it, or share it and keep it',
      );
    }
    const people = access.item ? await peopleOf(this.#table, access) : [];
    const row = people.find((person) => parseListSortKey(person.sk)?.personId === target);
    if (!row) throw new MemberNotFoundError(listId, memberId);
    const invite = parseListSortKey(row.sk)?.kind === 'invite';
    if (!invite) await leaveTombstone(this.#table, sharedRefKey(target, listId), 'membership_ended');
    await deleteKey(this.#table, { pk: row.pk, sk: row.sk });
    if (invite) await deleteKey(this.#table, addressInviteKey(row.email, access.ownerId, listId));
    await touchStamp(this.#table, listKey(access.ownerId, listId));
  }

  /**
   * What a sign-in with a verified address records: the person's address (for members lists),
   * the account that address belongs to (for shares to it), and every invitation waiting for it,
   * now memberships. Safe to run again: each step is a put or delete that a repeat finds done.
   */
  async recordSignIn(personId: string, email: string): Promise<{ accepted: number }> {
    await Promise.all([
      this.#table.client.send(
        new PutCommand({ TableName: this.#table.name, Item: { ...profileKey(personId), email } }),
      ),
      this.#table.client.send(
        new PutCommand({ TableName: this.#table.name, Item: { ...accountKey(email), personId } }),
      ),
    ]);
    const { Items } = await this.#table.client.send(
      new QueryCommand({
        TableName: this.#table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :invite)',
        ExpressionAttributeValues: { ':pk': addressPartition(email), ':invite': ADDRESS_INVITE_PREFIX },
        ConsistentRead: true,
      }),
    );
    const invites = (Items ?? []) as AddressInvite[];
    for (const invite of invites) await this.#accept(personId, email, invite);
    return { accepted: invites.length };
  }

  async #accountOf(email: string): Promise<string | undefined> {
    const { Item } = await this.#table.client.send(
      new GetCommand({ TableName: this.#table.name, Key: accountKey(email), ConsistentRead: true }),
    );
    return Item?.personId as string | undefined;
  }

  async #addMember(access: ListAccess, personId: string, email: string, addedAt: string): Promise<Member> {
    await this.#checkSharedLimit(personId);
    await putIfAbsent(this.#table, { ...memberKey(access.ownerId, access.listId, personId), email, addedAt });
    await putIfAbsent(this.#table, { ...sharedRefKey(personId, access.listId), ownerId: access.ownerId });
    return { id: personId, email, role: 'member', status: 'member', addedAt };
  }

  async #checkSharedLimit(personId: string): Promise<void> {
    const { Count } = await this.#table.client.send(
      new QueryCommand({
        TableName: this.#table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :shared)',
        FilterExpression: 'attribute_not_exists(#gone)',
        ExpressionAttributeNames: { '#gone': GONE },
        ExpressionAttributeValues: { ':pk': ownerPartition(personId), ':shared': SHARED_SK_PREFIX },
        Select: 'COUNT',
      }),
    );
    if ((Count ?? 0) >= MAX_SHARED_LISTS) {
      throw new ListConflictError(
        'limit_reached',
        `that person is on ${MAX_SHARED_LISTS} shared lists, the most one can be`,
      );
    }
  }

  /** Turns an invitation into membership, if the owner has not withdrawn it meanwhile. */
  async #accept(personId: string, email: string, invite: AddressInvite): Promise<void> {
    const row = inviteKey(invite.ownerId, invite.listId, invite.inviteId);
    const { Item } = await this.#table.client.send(
      new GetCommand({ TableName: this.#table.name, Key: row, ConsistentRead: true }),
    );
    if (Item) {
      const addedAt = String(Item.addedAt);
      await putIfAbsent(this.#table, {
        ...memberKey(invite.ownerId, invite.listId, personId),
        email,
        addedAt,
      });
      await putIfAbsent(this.#table, { ...sharedRefKey(personId, invite.listId), ownerId: invite.ownerId });
      await deleteKey(this.#table, row);
    }
    await deleteKey(this.#table, addressInviteKey(email, invite.ownerId, invite.listId));
  }
}

/** A member or invitation as the API shows it. */
function memberOf(row: PersonRow): Member {
  const parsed = parseListSortKey(row.sk);
  return {
    id: parsed?.personId ?? '',
    email: row.email,
    role: 'member',
    status: parsed?.kind === 'invite' ? 'invited' : 'member',
    addedAt: row.addedAt,
  };
}
