/**
 * Module parameters of the x86 KVM modules (config-formats.md §6.2), with the kernel type that decides
 * which values load and which make `modprobe` fail. Kernel versions differ, so an unknown name is only
 * a warning.
 */
export type KvmParamType = 'bool' | 'int' | 'uint' | 'ushort' | 'intOrBool' | { readonly choices: readonly string[]; readonly orBool?: boolean };

export interface KvmParam {
  readonly type: KvmParamType;
  readonly doc?: string;
}

const table = (entries: Record<string, string>, docs: Record<string, string> = {}, special: Record<string, KvmParamType> = {}): ReadonlyMap<string, KvmParam> => {
  const map = new Map<string, KvmParam>();
  for (const [type, names] of Object.entries(entries)) {
    for (const name of names.split(' ')) map.set(name, { type: type as KvmParamType, ...(docs[name] ? { doc: docs[name] } : {}) });
  }
  for (const [name, type] of Object.entries(special)) map.set(name, { type, ...(docs[name] ? { doc: docs[name] } : {}) });
  return map;
};

export const kvmParams: ReadonlyMap<string, ReadonlyMap<string, KvmParam>> = new Map([
  [
    'kvm_intel',
    table(
      {
        bool: 'nested ept enable_shadow_vmcs enable_apicv enable_ipiv vpid vnmi flexpriority unrestricted_guest eptad emulate_invalid_guest_state fasteoi pml preemption_timer dump_invalid_vmcs nested_early_check enlightened_vmcs',
        uint: 'ple_gap ple_window ple_window_grow ple_window_shrink ple_window_max',
        int: 'pt_mode',
      },
      {
        nested: 'Lets guests use VT-x themselves (nested virtualization). Boolean: `1`/`Y` on, `0`/`N` off; on by default since Linux 4.20. The guide sets `options kvm_intel nested=1`.',
        ept: 'Extended page tables. The guide: EPT is required to run a nested XCP-ng.',
      },
      { vmentry_l1d_flush: { choices: ['auto', 'never', 'cond', 'always'] } },
    ),
  ],
  [
    'kvm_amd',
    table(
      {
        intOrBool: 'npt avic vls vgif nrips sev sev_es',
        int: 'nested',
        bool: 'lbrv intercept_smi dump_invalid_vmcb',
        ushort: 'pause_filter_count pause_filter_thresh pause_filter_count_grow pause_filter_count_shrink pause_filter_count_max',
      },
      {
        nested: 'Lets guests use AMD-V themselves. An integer on kvm_amd: `1` on, `0` off (`Y` makes the module fail to load). On by default on recent kernels.',
        npt: 'Nested page tables (AMD\'s EPT); needed for a usable nested hypervisor.',
      },
    ),
  ],
  [
    'kvm',
    table(
      {
        bool: 'ignore_msrs report_ignored_msrs enable_vmware_backdoor kvmclock_periodic_sync vector_hashing tdp_mmu eager_page_split enable_pmu',
        int: 'halt_poll_ns halt_poll_ns_grow halt_poll_ns_grow_start halt_poll_ns_shrink min_timer_period_us tsc_tolerance_ppm lapic_timer_advance_ns pi_inject_timer',
      },
      { ignore_msrs: 'Ignore guest accesses to unhandled MSRs instead of injecting #GP; sometimes needed by nested hypervisors.' },
      { nx_huge_pages: { choices: ['off', 'force', 'auto'], orBool: true } },
    ),
  ],
]);

/** kstrtobool: only the first character (or `on`/`of`) decides. */
export function parseKernelBool(value: string): boolean | undefined {
  const c = value[0];
  if (c === undefined) return undefined;
  if ('yYtT1'.includes(c)) return true;
  if ('nNfF0'.includes(c)) return false;
  if (c === 'o' || c === 'O') {
    const d = value[1];
    if (d === 'n' || d === 'N') return true;
    if (d === 'f' || d === 'F') return false;
  }
  return undefined;
}

/** kstrtoint with base 0: sign, `0x`, octal or decimal, one optional trailing newline, no blanks. */
export function parseKernelInt(value: string, unsigned: boolean): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)\n?$/.exec(value);
  if (!m || (unsigned && m[1] === '-')) return undefined;
  const digits = m[2] as string;
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits.slice(1), 8) : parseInt(digits, 10);
  return m[1] === '-' ? -magnitude : magnitude;
}

/** Whether the kernel accepts `value` (undefined: the parameter was given without `=`). */
export function acceptsKvmValue(type: KvmParamType, value: string | undefined): boolean {
  if (typeof type === 'object') {
    if (value === undefined) return type.orBool === true;
    return type.choices.includes(value) || (type.orBool === true && parseKernelBool(value) !== undefined);
  }
  if (type === 'bool') return value === undefined || parseKernelBool(value) !== undefined;
  if (value === undefined) return type === 'intOrBool';
  const asInt = parseKernelInt(value, type === 'uint' || type === 'ushort');
  if (type === 'intOrBool') return (asInt !== undefined && Math.abs(asInt) <= 0x7fffffff) || parseKernelBool(value) !== undefined;
  if (asInt === undefined) return false;
  if (type === 'ushort') return asInt <= 0xffff;
  if (type === 'uint') return asInt <= 0xffffffff;
  return asInt >= -0x80000000 && asInt <= 0x7fffffff;
}

/** Whether a value turns the feature off (0, N, off, ...), for `nested` and `ept`. */
export function isKvmOff(type: KvmParamType, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (type === 'int') return parseKernelInt(value, false) === 0;
  return parseKernelBool(value) === false || parseKernelInt(value, false) === 0;
}

export function describeKvmType(type: KvmParamType): string {
  if (typeof type === 'object') return `one of ${type.choices.join(', ')}${type.orBool ? ', or a boolean' : ''}`;
  return { bool: 'a boolean (y, n, 1, 0, on, off)', int: 'an integer', uint: 'an unsigned integer', ushort: 'an integer from 0 to 65535', intOrBool: 'an integer or a boolean' }[type];
}
