import * as z from 'zod/mini';
import { MAX_EMAIL_LENGTH } from './limits.js';
import { ListId } from './list-id.js';
import { Timestamp } from './text.js';

/** The member id that means the caller: `DELETE /v1/lists/{listId}/members/me` leaves a list. */
export const MEMBER_SELF = 'me';

// Deliberately loose, as addresses are: something, an @, a domain with a dot; no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address: trimmed and lower-cased, as sign-in compares them. */
export const Email = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(MAX_EMAIL_LENGTH, `email must be at most ${MAX_EMAIL_LENGTH} characters`),
    z.regex(EMAIL_PATTERN, 'email must be an e-mail address, such as ada@example.com'),
  );

/** Who is on a list: its owner, its members, and invitations to addresses with no account yet. */
export const Member = z.object({
  /** A person's `sub`; an invitation's own id until the person signs in. */
  id: z.string(),
  /** Null only for an owner who has not signed in since lists came (their address is recorded at sign-in). */
  email: z.nullable(z.string()),
  role: z.enum(['owner', 'member']),
  /** `invited`: no one has signed in with this address yet; it becomes `member` when they do. */
  status: z.enum(['member', 'invited']),
  /** When they were added; null for the owner. */
  addedAt: z.nullable(Timestamp),
});
export type Member = z.infer<typeof Member>;

/** The body of `addMember`: share the list with this address. */
export const MemberInvite = z.strictObject({ email: Email });
export type MemberInvite = z.input<typeof MemberInvite>;

/** Everyone on a list, the owner first; every member fits on one page. */
export const MemberPage = z.object({ items: z.array(Member), nextCursor: z.nullable(z.string()) });
export type MemberPage = z.infer<typeof MemberPage>;

/** The path parameters of `removeMember`: a member's id, or {@link MEMBER_SELF}. */
export const MemberPathParams = z.strictObject({
  listId: ListId,
  // A person's `sub` (a UUID), an invitation's id, or "me".
  memberId: z
    .string()
    .check(
      z.regex(
        /^(?:me|invite-[0-9a-f]{24}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/,
        'memberId must be an id from the list of members, or "me"',
      ),
    ),
});
