// Test credentials for the Worker's signed webhook fixtures, made fresh at init time: an HMAC
// secret for the shared-secret schemes, and for the public-key schemes a key pair whose private
// half exists only in the test fixture (the Worker is configured with the public key, as it
// would be with the vendor's). Keyed by the runtime's scheme ids, or read from a declared scheme.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { DeclaredSignature, SecretEncoding } from '../../runtime/webhooks/declared-spec.ts';

export interface TestKeys {
  /** What the Worker verifies with (its webhook secret binding in tests). */
  verify: string;
  /** What the fixture signs with. */
  sign: string;
}

const PUBLIC_KEY_SCHEMES = new Set(['sendgrid-ecdsa']);
/** Schemes whose vendor secret carries a fixed prefix the vendor's dashboard shows. */
const SECRET_PREFIX: Readonly<Record<string, string>> = { 'stripe-v1': 'whsec_' };

export function testKeys(scheme: string, declared?: DeclaredSignature): TestKeys {
  if (declared) return declaredKeys(declared);
  if (PUBLIC_KEY_SCHEMES.has(scheme)) return keyPair('ec', 'spki', 'base64');
  const secret = `${SECRET_PREFIX[scheme] ?? ''}test_${randomBytes(24).toString('base64url')}`;
  return { verify: secret, sign: secret };
}

/** Keys written the way the declared scheme reads them: its secret prefix, encoding and key format. */
function declaredKeys(spec: DeclaredSignature): TestKeys {
  const prefix = spec.secret?.prefix ?? '';
  if (spec.algorithm.startsWith('hmac-')) {
    const encoding = spec.secret?.encoding ?? 'utf8';
    const secret = `${prefix}${encoding === 'utf8' ? `test_${randomBytes(24).toString('base64url')}` : encodeBytes(randomBytes(32), encoding)}`;
    return { verify: secret, sign: secret };
  }
  const ecdsa = spec.algorithm === 'ecdsa-p256-sha256';
  // The profile check (declaredSignatureProblem) has refused a public key written as utf8.
  const encoding = (spec.secret?.encoding ?? 'base64') as Exclude<SecretEncoding, 'utf8'>;
  const keys = keyPair(ecdsa ? 'ec' : 'ed25519', spec.secret?.format ?? (ecdsa ? 'spki' : 'raw'), encoding);
  return { verify: `${prefix}${keys.verify}`, sign: keys.sign };
}

function keyPair(type: 'ec' | 'ed25519', format: 'spki' | 'raw', encoding: Exclude<SecretEncoding, 'utf8'>): TestKeys {
  const { publicKey, privateKey } = type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return {
    verify: encodeBytes(format === 'spki' ? publicKey.export({ type: 'spki', format: 'der' }) : rawPublicKey(publicKey), encoding),
    sign: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

/** An Ed25519 public key's 32 bytes: the end of its SubjectPublicKeyInfo. */
function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(-32);
}

function encodeBytes(bytes: Buffer, encoding: Exclude<SecretEncoding, 'utf8'>): string {
  return encoding === 'base64url' ? bytes.toString('base64url') : bytes.toString(encoding);
}
