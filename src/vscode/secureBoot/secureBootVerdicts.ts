import type { Vm } from '../../core/lab/labModel';
import { NvramCache } from '../../core/ops/secureBoot/nvramCache';
import type { SecurebootReport } from '../../core/ops/secureBoot/parseSecurebootReport';
import { secureBootVerdict, type SecureBootVerdict } from '../../core/ops/secureBoot/secureBootVerdict';
import type { Lab } from '../lab/lab';

/** How long a hover or a details view waits for `varstore-ls` before showing the verdict without it. */
const NVRAM_TIMEOUT_MS = 15_000;

/**
 * The Secure Boot verdicts the tree and the details view show: the snapshot's flags at once, the NVRAM when a
 * view asks for it (one `varstore-ls` per VM, cached until the VM changes), and the pool's certificates when a
 * report was read.
 */
export class SecureBootVerdicts {
  readonly nvram = new NvramCache();
  private readonly poolCertificates = new Map<string, readonly string[]>();

  constructor(private readonly lab: Lab) {}

  notePoolReport(poolId: string, report: SecurebootReport): void {
    this.poolCertificates.set(poolId, report.pool.certificates);
  }

  /** From what is known now, without sending anything: `unread` when the NVRAM decides and was not read. */
  current(poolId: string, vm: Vm): SecureBootVerdict {
    return secureBootVerdict(vm, this.nvram.cached(poolId, vm), this.poolCertificates.get(poolId));
  }

  /** Reads the NVRAM of a UEFI VM if needed. A failed read keeps the flag-only verdict, with the reason. */
  async read(poolId: string, vm: Vm, signal?: AbortSignal): Promise<SecureBootVerdict> {
    const monitor = this.lab.monitor(poolId);
    if (!monitor || vm.hvmBootParams.get('firmware') !== 'uefi') return this.current(poolId, vm);
    const timeout = AbortSignal.timeout(NVRAM_TIMEOUT_MS);
    try {
      const nvram = await this.nvram.read(this.lab.connection(monitor.target), poolId, vm, signal ? AbortSignal.any([signal, timeout]) : timeout);
      return secureBootVerdict(vm, nvram, this.poolCertificates.get(poolId));
    } catch (error) {
      const verdict = this.current(poolId, vm);
      const why = error instanceof Error ? error.message : String(error);
      return { ...verdict, warnings: [...verdict.warnings, `The VM's NVRAM could not be read: ${why}`] };
    }
  }
}

/** The verdict as plain text lines, for the details document and logs. */
export function verdictLines(verdict: SecureBootVerdict): string[] {
  const keys = verdict.keys === null ? 'not read' : verdict.keys.length ? verdict.keys.join(', ') : 'none';
  return [
    `Secure Boot: ${verdict.label}`,
    `  firmware: ${verdict.firmware} · platform:secureboot: ${verdict.flag ?? '(not set)'} · keys in NVRAM: ${keys}`,
    `  ${verdict.reason}`,
    ...verdict.warnings.map((w) => `  ⚠ ${w}`),
  ];
}
