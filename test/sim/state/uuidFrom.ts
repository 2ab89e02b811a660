import { createHash } from 'node:crypto';

/**
 * A stable, well-formed version-4-looking UUID derived from a seed, so scenarios and derived objects
 * (consoles, PBDs, suspend VDIs) get realistic identifiers that do not change between runs.
 */
export function uuidFrom(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
