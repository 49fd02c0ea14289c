import { APP_CLIENT_IDS } from '@todolist/sdk/contract';
import type { Profile } from './profiles.js';

// Apart from profiles.ts, which every command reads: the contract loads only with the commands
// that sign in or show where (`login`, `config get`, the credentials of a request).

/** Where a profile signs in: its `authUrl`, else the API's own origin; its `clientId`, else the CLI's app client. */
export function signInSettings(profile: Profile): { authUrl: string; clientId: string } {
  return {
    authUrl: profile.authUrl ?? new URL(profile.baseUrl).origin,
    clientId: profile.clientId ?? APP_CLIENT_IDS.cli,
  };
}
