import { KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { KeyRing, KeyRingError, computeKid } from './key-ring';

/** Production: the licence keys come from secrets (PEM), never from files or the database. */

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * Builds a ring from secrets: `activePrivateKeyPem` is the PKCS#8 PEM of the signing key (e.g.
 * env FEDERATION_LICENCE_PRIVATE_KEY), `retiredPublicKeysPem` zero or more concatenated SPKI PEM
 * public keys of keys rotated out (e.g. env FEDERATION_LICENCE_RETIRED_PUBLIC_KEYS). Literal
 * `\n` sequences (as often found in env files) are accepted. Errors never echo the secret.
 */
export function keyRingFromPem(input: { activePrivateKeyPem: string; retiredPublicKeysPem?: string }): KeyRing {
  const unescape = (s: string) => s.replace(/\\n/g, '\n').trim();
  let activePrivateKey: KeyObject;
  try {
    activePrivateKey = createPrivateKey({
      key: unescape(input.activePrivateKeyPem),
      format: 'pem',
    });
  } catch {
    throw new KeyRingError('KEY_INVALID', 'The licence private key secret is not a valid PEM private key.');
  }
  const blocks = unescape(input.retiredPublicKeysPem ?? '').match(PEM_BLOCK) ?? [];
  const retired = blocks.map((pem, i) => {
    try {
      return { publicKey: createPublicKey({ key: pem, format: 'pem' }) };
    } catch {
      throw new KeyRingError('KEY_INVALID', `Retired licence public key #${i + 1} is not a valid PEM public key.`);
    }
  });
  return KeyRing.fromKeys({ activePrivateKey, retired });
}

/**
 * Generates a new Ed25519 key for provisioning a production secret (run once by an operator, e.g.
 * from a CLI script). Returns the private PEM: print it only to the operator's terminal.
 */
export function generateLicenceKeyPem(): {
  kid: string;
  privateKeyPem: string;
  publicKeyPem: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    kid: computeKid(publicKey),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
