/** What "Check this machine for nested KVM" found on the machine running VS Code. */
export interface NestedKvmReport {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

/**
 * The nested guide's requirements for running XCP-ng inside a local KVM VM: a CPU with hardware
 * virtualisation and second-level paging (Intel vmx + ept, AMD svm + npt), and kvm_intel/kvm_amd loaded with
 * nested=1 (Y on newer kernels). `nested` maps module name to the parameter file's content.
 */
export function assessNestedKvm(cpuinfo: string | undefined, nested: Readonly<Record<string, string>>): NestedKvmReport {
  const lines: string[] = [];
  if (cpuinfo === undefined) return { ok: false, lines: ['/proc/cpuinfo is not readable: this check needs a Linux machine.'] };
  const flags = new Set(
    cpuinfo
      .split('\n')
      .filter((l) => /^flags\s*:/.test(l))
      .flatMap((l) => l.replace(/^flags\s*:/, '').trim().split(/\s+/)),
  );
  const intel = flags.has('vmx');
  const amd = flags.has('svm');
  const paging = intel ? flags.has('ept') : flags.has('npt');
  if (!intel && !amd) lines.push('The CPU shows neither vmx (Intel VT-x) nor svm (AMD-V): enable virtualisation in the firmware.');
  else lines.push(`CPU: ${intel ? 'Intel vmx' : 'AMD svm'}${paging ? ` with ${intel ? 'ept' : 'npt'}` : `, but no ${intel ? 'ept' : 'npt'} (nested guests will be very slow)`}.`);
  const module = intel ? 'kvm_intel' : 'kvm_amd';
  const value = nested[module]?.trim();
  const on = value === '1' || value === 'Y';
  if (value === undefined) lines.push(`${module} is not loaded (no /sys/module/${module}/parameters/nested).`);
  else if (!on) lines.push(`${module} nested=${value}: add "options ${module} nested=1" to /etc/modprobe.d/kvm.conf and reload the module.`);
  else lines.push(`${module} nested=${value}: nested virtualisation is on.`);
  return { ok: (intel || amd) && paging && on, lines };
}
