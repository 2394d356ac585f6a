// A client of a test profile with no auth, no retries and no logger, whose fetch records each
// request and answers 204: what a body encoder sent, or that it sent nothing.
import { createVendorClient } from '../../../runtime/client.ts';
import { testProfile } from '../policy/support.ts';

const none = { kind: 'schemes', schemes: {}, security: [], operations: {} } as const;

export function recordingClient() {
  const sent: Request[] = [];
  const fetch = async (input: Request) => {
    sent.push(input);
    return new Response(null, { status: 204 });
  };
  const client = createVendorClient(testProfile(none, 0), { baseUrl: 'https://api.example.test', logger: false, fetch: fetch as typeof globalThis.fetch });
  return { client, sent };
}
