import type { Vm } from '../../lab/labModel';
import type { RemoteExec } from '../../ssh/remoteExec';
import { runDom0Command } from '../runDom0Command';
import { parseVarstoreLs, type VmNvram } from './parseVarstoreLs';
import { varstoreLsArgv } from './secureBootArgv';

type VmFacts = Pick<Vm, 'uuid' | 'powerState' | 'residentOn' | 'platform' | 'hvmBootParams'>;

interface Entry {
  readonly stamp: string;
  readonly read: Promise<VmNvram>;
  value?: VmNvram;
}

/**
 * The VMs' NVRAM (`varstore-ls`), read on demand, one VM at a time, and kept until the VM changes: a boot fills
 * the NVRAM from the pool's certificates, so a new power state, host or Secure Boot flag drops the entry. The
 * refresh snapshot stays one exec; this costs one exec per VM looked at.
 */
export class NvramCache {
  private readonly entries = new Map<string, Entry>();

  /** The NVRAM read for this VM in its current state, if any. */
  cached(poolId: string, vm: VmFacts): VmNvram | undefined {
    const entry = this.entries.get(key(poolId, vm.uuid));
    return entry && entry.stamp === stamp(vm) ? entry.value : undefined;
  }

  /** Reads the NVRAM, or joins the read under way for the same VM state. */
  read(exec: RemoteExec, poolId: string, vm: VmFacts, signal?: AbortSignal): Promise<VmNvram> {
    const k = key(poolId, vm.uuid);
    const s = stamp(vm);
    const existing = this.entries.get(k);
    if (existing && existing.stamp === s) return existing.read;
    const read = runDom0Command(exec, varstoreLsArgv(vm.uuid), 'read the VM\'s NVRAM', { signal }).then(parseVarstoreLs);
    const entry: Entry = { stamp: s, read };
    this.entries.set(k, entry);
    read.then(
      (value) => {
        entry.value = value;
      },
      () => {
        // A failed read is not kept: the next look tries again.
        if (this.entries.get(k) === entry) this.entries.delete(k);
      },
    );
    return read;
  }

  /** After something changed the NVRAM behind the VM's back (a reset). */
  forget(poolId: string, vmUuid: string): void {
    this.entries.delete(key(poolId, vmUuid));
  }
}

function key(poolId: string, vmUuid: string): string {
  return `${poolId}\n${vmUuid}`;
}

function stamp(vm: VmFacts): string {
  return [vm.powerState, vm.residentOn ?? '', vm.platform.get('secureboot') ?? '', vm.hvmBootParams.get('firmware') ?? ''].join('\n');
}
