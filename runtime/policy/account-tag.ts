// Vendors report a rate-limit window (remaining requests, reset time) for the account or key that
// made the request, so the window a limiter learns from those headers belongs to one client's
// credentials: clients with other credentials sharing the limiter must not wait on it. The window
// is named by a digest of the credentials, since a shared limiter keeps its keys in storage.

import { sha256Hex } from '../sha256.ts';

/** `:<16 hex digits of SHA-256(partition)>`, or '' for a client without credentials. */
export async function accountTag(partition: string | undefined): Promise<string> {
  return partition ? `:${(await sha256Hex(partition)).slice(0, 16)}` : '';
}
