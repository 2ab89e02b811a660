import type { LabSnapshot } from '../../lab/labModel';
import type { GuideTargetKind, Runbook } from '../runbook/runbook';
import { autoPowerOnGuide } from './autoPowerOnGuide';
import { dom0MemoryGuide } from './dom0MemoryGuide';
import { nestedVmGuide } from './nestedVmGuide';
import { routerVmGuide } from './routerVmGuide';
import { vlanTrunkGuide } from './vlanTrunkGuide';

export type GuideId = 'routerVm' | 'nestedVm' | 'vlanTrunk' | 'autoPowerOn' | 'dom0Memory';

export interface GuideDefinition {
  readonly title: string;
  readonly target: GuideTargetKind;
  /** Rebuilds the runbook from the pool as read now: on first run and on resume. */
  readonly build: (snapshot: LabSnapshot, targetUuid: string, params?: Readonly<Record<string, number>>) => Runbook;
}

/** Every guide that runs as a runbook, by the id its journal records carry. */
export const GUIDES: Readonly<Record<GuideId, GuideDefinition>> = {
  routerVm: { title: 'Router VM (pfSense / OPNsense)', target: 'vm', build: routerVmGuide },
  nestedVm: { title: 'Nested XCP-ng guest', target: 'vm', build: nestedVmGuide },
  vlanTrunk: { title: 'VLAN trunk (MTU 1504)', target: 'network', build: vlanTrunkGuide },
  autoPowerOn: { title: 'Auto power on', target: 'vm', build: autoPowerOnGuide },
  dom0Memory: { title: 'Dom0 memory', target: 'host', build: (s, uuid, params) => dom0MemoryGuide(s, uuid, params?.['dom0MiB']) },
};

export function isGuideId(id: string): id is GuideId {
  return Object.prototype.hasOwnProperty.call(GUIDES, id);
}
