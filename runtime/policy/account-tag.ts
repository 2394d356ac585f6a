// Vendors report a rate-limit window (remaining requests, reset time) for the account or key that
// made the request, so the window a limiter learns from those headers belongs to one client's
// credentials: clients with other credentials sharing the limiter must not wait on it. The window
// is named by a digest of the credentials, since a shared limiter keeps its keys in storage.

const utf8 = new TextEncoder();

/** `:<16 hex digits of SHA-256(partition)>`, or '' for a client without credentials. */
export async function accountTag(partition: string | undefined): Promise<string> {
  if (!partition) return '';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(partition)));
  let hex = ':';
  for (let i = 0; i < 8; i++) hex += digest[i]!.toString(16).padStart(2, '0');
  return hex;
}
