/**
 * The key type named inside an SSH public key blob (its first length-prefixed string, e.g. `ssh-ed25519`),
 * or undefined when the blob is too short to hold one.
 */
export function keyBlobType(keyBlob: Buffer): string | undefined {
  if (keyBlob.length < 4) {
    return undefined;
  }
  const length = keyBlob.readUInt32BE(0);
  if (length === 0 || length > 64 || keyBlob.length < 4 + length) {
    return undefined;
  }
  return keyBlob.toString('latin1', 4, 4 + length);
}
