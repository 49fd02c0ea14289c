import { Email } from '@todolist/sdk/contract';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { members } from '../container.js';
import { logger } from '../observability.js';

/**
 * Cognito's pre-token-generation trigger, run at every sign-in and token refresh (locally, by
 * the local user pool at the same moments). Access tokens carry no e-mail address, so this is
 * where the API learns it: it records the person's verified address and turns invitations to it
 * into memberships (MemberStore.recordSignIn). It changes no claim, and never fails a sign-in:
 * what it could not record now, the next sign-in or refresh records.
 */
export async function handler(
  event: PreTokenGenerationTriggerEvent,
): Promise<PreTokenGenerationTriggerEvent> {
  const { sub, email, email_verified: verified } = event.request.userAttributes;
  // Only a verified address may claim what was shared with it, folded as a share's address is.
  const address = Email.safeParse(email);
  if (sub && address.success && verified === 'true') {
    try {
      const { accepted } = await members.recordSignIn(sub, address.data);
      if (accepted > 0) logger.info('invitations accepted at sign-in', { accepted });
    } catch (error) {
      logger.error('could not record the sign-in', error as Error);
    }
  }
  return event;
}
