import { formatBytes } from './formatBytes';
import type { Sr } from './labModel';

/** Codicon ids for what an SR holds: VM disks, ISO images, or devices plugged into a host. */
export type SrIcon = 'database' | 'disc' | 'plug';

/** An SR as a tree row shows it; `details` are plain text (the view escapes them), without the uuid. */
export interface SrSummary {
  readonly label: string;
  readonly description: string;
  readonly icon: SrIcon;
  /** The host that sees it, `shared`, or `no host` (no PBD plugged). */
  readonly where: string;
  readonly details: readonly (readonly [string, string])[];
}

/**
 * Name, type, where and usage of an SR. xe prints -1 for the sizes of iso and udev SRs (and nothing sensible
 * for an SR that has not been scanned): those get no size rather than "-1 B".
 */
export function srSummary(sr: Sr): SrSummary {
  const size = known(sr.physicalSize);
  const used = size !== undefined && size > 0 ? known(sr.physicalUtilisation) : undefined;
  const allocated = known(sr.virtualAllocation);
  const percent = size !== undefined && used !== undefined ? `${Math.round((used / size) * 100)}% used` : undefined;
  const where = sr.shared ? 'shared' : (sr.hostName ?? 'no host');
  const description = [sr.type, where, size !== undefined ? formatBytes(size) : undefined, percent].filter((p): p is string => p !== undefined);
  const details: [string, string][] = [
    ['Type', sr.type],
    ['Content type', sr.contentType || 'none'],
    ['Host', where],
    ['Size', size !== undefined ? formatBytes(size) : 'not reported'],
  ];
  if (used !== undefined) details.push(['Used', `${formatBytes(used)} (${percent ?? ''})`]);
  if (allocated !== undefined) details.push(['Virtual allocation', formatBytes(allocated)]);
  return { label: sr.name || sr.uuid, description: description.join(' · '), icon: srIcon(sr), where, details };
}

function srIcon(sr: Sr): SrIcon {
  if (sr.contentType === 'iso') return 'disc';
  // udev SRs hold the host's removable devices (content-type "disk" for USB sticks).
  if (sr.type === 'udev' || sr.contentType === 'disk') return 'plug';
  return 'database';
}

function known(bytes: number | null): number | undefined {
  return bytes !== null && bytes >= 0 ? bytes : undefined;
}
