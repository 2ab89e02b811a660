import type { HostVersion } from '../../lab/labModel';

/**
 * The platform key that turns nested virtualisation on: 8.3 reads `nested-virt` (what Xen Orchestra writes);
 * 8.2 and older read the experimental `exp-nested-hvm` of the seed guide (feature-anchors.md, drift).
 */
export function nestedVirtKey(version: HostVersion): 'nested-virt' | 'exp-nested-hvm' {
  if (version.release === '8.3') return 'nested-virt';
  if (version.release === '8.2') return 'exp-nested-hvm';
  const major = version.major ?? 0;
  const minor = version.minor ?? 0;
  return major > 8 || (major === 8 && minor >= 3) ? 'nested-virt' : 'exp-nested-hvm';
}
