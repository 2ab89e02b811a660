import { createHash } from 'node:crypto';

/**
 * The fingerprint of an SSH public key blob as OpenSSH prints it (`ssh-keygen -l`, the host key prompt):
 * `SHA256:` followed by the unpadded base64 of the blob's SHA-256 digest.
 */
export function fingerprintSha256(keyBlob: Buffer): string {
  const digest = createHash('sha256').update(keyBlob).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}
