import type { LabSnapshot } from '../../lab/labModel';
import type { Argv, Runbook, StepContext } from '../runbook/runbook';
import { runChecked } from '../runbook/runRunbook';
import { findHost } from './findTarget';
import { recommendDom0Memory } from './recommendDom0Memory';
import { safeRebootStep } from './safeRebootStep';

export const XEN_CMDLINE = '/opt/xensource/libexec/xen-cmdline';
const MIB = 1024 ** 2;

/** Both sources of truth (feature-anchors.md: they can disagree) and the guide's advice. */
export interface Dom0Memory {
  /** `xen-cmdline --get-xen dom0_mem`, as printed (`dom0_mem=4096M,max:4096M`), or '' when unset. */
  readonly cmdline: string;
  /** The dom0 VM's memory-static-max in MiB, as xapi reports it (what the running dom0 got at boot). */
  readonly vmMiB: number | null;
  readonly recommendedMiB: number;
  readonly zfs: boolean;
}

export function getXenDom0Mem(): Argv {
  return [XEN_CMDLINE, '--get-xen', 'dom0_mem'];
}

/** Base and max equal, in MiB, as the guide insists ("do not mess the units"). */
export function dom0MemValue(mib: number): string {
  return `dom0_mem=${mib}M,max:${mib}M`;
}

export async function readDom0Memory(ctx: StepContext, snapshot: LabSnapshot, hostUuid: string): Promise<Dom0Memory> {
  const host = findHost(snapshot, hostUuid);
  const dom0 = snapshot.controlDomains.find((d) => d.hostUuid === hostUuid);
  const zfs = snapshot.srs.some((sr) => sr.type === 'zfs' && (sr.hostName === host.name || sr.shared));
  const cmdline = (await runChecked(ctx, getXenDom0Mem(), 'read dom0_mem')).trim();
  return {
    cmdline,
    vmMiB: dom0?.memory.staticMax == null ? null : Math.round(dom0.memory.staticMax / MIB),
    recommendedMiB: recommendDom0Memory(host.memoryTotal ?? 0, zfs),
    zfs,
  };
}

/**
 * Dom0 memory: write the recommended base = max value on the Xen command line (the guide's way), then the
 * safe reboot that makes dom0 boot with it; verified from both sources.
 */
export function dom0MemoryGuide(snapshot: LabSnapshot, hostUuid: string, targetMiB?: number): Runbook {
  const host = findHost(snapshot, hostUuid);
  const zfs = snapshot.srs.some((sr) => sr.type === 'zfs' && (sr.hostName === host.name || sr.shared));
  const mib = targetMiB ?? recommendDom0Memory(host.memoryTotal ?? 0, zfs);
  return {
    guideId: 'dom0Memory',
    title: 'Dom0 memory',
    targetKind: 'host',
    targetUuid: hostUuid,
    targetName: host.name,
    params: { dom0MiB: mib },
    steps: [
      {
        id: 'cmdline',
        title: `Set dom0 memory to ${mib} MiB on the Xen command line`,
        why: `Recommended for ${host.name}: ${mib} MiB (${zfs ? 'ZFS in use' : `${Math.round((host.memoryTotal ?? 0) / 1024 ** 3)} GiB of RAM`}). Applies at the next boot.`,
        // xen-cmdline edits the boot config of the host it runs on, and the pool's connection reaches the master.
        preflight: (s) =>
          findHost(s, hostUuid).isMaster
            ? { kind: 'ok' }
            : { kind: 'refuse', reason: `${host.name} is not the pool master, and the extension's connection runs xen-cmdline on the master` },
        commands: () => [[XEN_CMDLINE, '--set-xen', dom0MemValue(mib)]],
        confirm: async (s, ctx) => {
          const now = await readDom0Memory(ctx, s, hostUuid);
          return {
            message: `Set dom0 memory of ${host.name} to ${mib} MiB?`,
            detail:
              `Now: ${now.cmdline || 'dom0_mem not set'} on the Xen command line; the dom0 VM has ${String(now.vmMiB)} MiB.\n` +
              `Recommended: ${now.recommendedMiB} MiB. The host must reboot for it to apply.`,
            action: 'Set Dom0 Memory',
          };
        },
        verify: async (ctx) => {
          const now = (await runChecked(ctx, getXenDom0Mem(), 'read dom0_mem')).trim();
          return now === dom0MemValue(mib) ? undefined : `xen-cmdline reads "${now}"`;
        },
      },
      safeRebootStep({
        why: 'Dom0 gets its memory when Xen boots.',
        hosts: () => [hostUuid],
        applied: (_ctx, s) => {
          const dom0 = s.controlDomains.find((d) => d.hostUuid === hostUuid);
          const have = dom0?.memory.staticMax == null ? null : Math.round(dom0.memory.staticMax / MIB);
          return have === mib ? undefined : `the dom0 VM has ${String(have)} MiB, not ${mib}`;
        },
      }),
    ],
  };
}
