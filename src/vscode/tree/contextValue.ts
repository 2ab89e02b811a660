/**
 * The one place where tree items get their contextValue. Menus in package.json match these with anchored
 * regexes (`viewItem =~ /^vm:running(:|$)/`), so facets are appended after the main state and never reordered.
 */
export type VmPowerFacet = 'running' | 'halted' | 'suspended' | 'paused';

export function poolContext(state: 'ok' | 'error' | 'loading', facets: { ha?: boolean } = {}): string {
  return join('pool', state, facets.ha ? 'ha' : undefined);
}

export function hostContext(facets: { enabled: boolean; master: boolean; maintenance: boolean }): string {
  return join('host', facets.enabled ? 'enabled' : 'disabled', facets.master ? 'master' : undefined, facets.maintenance ? 'maintenance' : undefined);
}

export function vmContext(power: VmPowerFacet, facets: { autoPowerOn?: boolean; router?: boolean; nested?: boolean; uefi?: boolean } = {}): string {
  return join(
    'vm',
    power,
    facets.autoPowerOn ? 'autopoweron' : undefined,
    facets.router ? 'router' : undefined,
    facets.nested ? 'nested' : undefined,
    facets.uefi ? 'uefi' : undefined,
  );
}

export function groupContext(kind: 'halted' | 'storage' | 'networks'): string {
  return join('group', kind);
}

/** A storage repository: `sr:shared` when every host sees it, `sr:local` for one host's. */
export function srContext(facets: { shared: boolean }): string {
  return join('sr', facets.shared ? 'shared' : 'local');
}

export const messageContext = 'message';

/** The RAID node of a host: `raid:read` once /proc/mdstat has been read (the generate actions need it). */
export function raidContext(read: boolean): string {
  return join('raid', read ? 'read' : 'unread');
}

export function mdArrayContext(health: 'ok' | 'degraded' | 'inactive'): string {
  return join('mdarray', health);
}

/** A record in the Runbooks view: `runbook:unfinished` offers Resume. */
export function runbookContext(finished: boolean): string {
  return join('runbook', finished ? 'finished' : 'unfinished');
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined).join(':');
}
