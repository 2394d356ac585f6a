// Test credentials for the Worker's signed webhook fixtures, made fresh at init time: an HMAC
// secret for the shared-secret schemes, and for the public-key scheme an ECDSA P-256 key pair whose
// private half exists only in the test fixture (the Worker is configured with the public key, as it
// would be with the vendor's). Keyed by the runtime's scheme ids.
import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface TestKeys {
  /** What the Worker verifies with (its webhook secret binding in tests). */
  verify: string;
  /** What the fixture signs with. */
  sign: string;
}

const PUBLIC_KEY_SCHEMES = new Set(['sendgrid-ecdsa']);
/** Schemes whose vendor secret carries a fixed prefix the vendor's dashboard shows. */
const SECRET_PREFIX: Readonly<Record<string, string>> = { 'stripe-v1': 'whsec_' };

export function testKeys(scheme: string): TestKeys {
  if (PUBLIC_KEY_SCHEMES.has(scheme)) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return {
      verify: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      sign: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    };
  }
  const secret = `${SECRET_PREFIX[scheme] ?? ''}test_${randomBytes(24).toString('base64url')}`;
  return { verify: secret, sign: secret };
}
