// The secrets of a test app: the webhook secret, a private key made for this process, and the
// installation token the GitHub stand-in hands out (random per run, so a leak is unmistakable). The secrets
// scan looks for each of them in every log line the app writes and every comment body it sends.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SECRET } from '../../app/app-harness.js';

export { SECRET };

export const PRIVATE_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}).privateKey;

export const INSTALLATION_TOKEN = `ghs_${randomBytes(18).toString('hex')}`;

// Any 40-character slice of the key's base64 body would give it away; three lines are enough to see one.
const KEY_SLICES = PRIVATE_KEY.split('\n')
  .filter((l) => l.length >= 40 && !l.startsWith('-----'))
  .slice(0, 3)
  .map((l) => l.slice(0, 40));

/** The secrets found in `text`, by name (never the value). */
export function secretsIn(text: string): string[] {
  const found: string[] = [];
  if (text.includes(SECRET)) found.push('webhook secret');
  if (text.includes(INSTALLATION_TOKEN)) found.push('installation token');
  if (KEY_SLICES.some((s) => text.includes(s))) found.push('private key');
  return found;
}
