/** What hovers say about modprobe.d commands, in our words (modprobe.d(5)). */
export const commandDocs: Record<string, string> = {
  alias: '`alias WILDCARD MODULE`: another name (or a wildcard such as a device alias) for a module.',
  blacklist: '`blacklist MODULE`: do not load this module for its device aliases (it can still be loaded by name).',
  options: '`options MODULE OPTION...`: parameters passed to the module when it loads. Options of several lines are added together; a later value wins.',
  install: '`install MODULE COMMAND...`: run this shell command instead of loading the module.',
  remove: '`remove MODULE COMMAND...`: run this shell command instead of unloading the module.',
  softdep: '`softdep MODULE pre: ... post: ...`: modules to load before or after this one.',
  weakdep: '`weakdep MODULE MODULE...`: modules that may be needed, for the initramfs tools.',
};

/** KVM-side requirements of a nested XCP-ng that modprobe syntax cannot express (config-formats.md §6.3). */
export const kvmGuestHints =
  'For a nested XCP-ng on KVM the guide also asks, on the VM side: CPU mode `host-passthrough` (or host-model), BIOS rather than UEFI, an LSI Logic SCSI disk of at least 50 GiB, an e1000 NIC, and 4 GB of memory (8 GB recommended).';

export const moduleDocs: Record<string, string> = {
  kvm_intel: `The KVM module for Intel VT-x. \`options kvm_intel nested=1\` lets guests run their own hypervisor (the guide's permanent setting in /etc/modprobe.d/kvm.conf).\n\n${kvmGuestHints}`,
  kvm_amd: `The KVM module for AMD-V. \`nested\` is an integer here: \`options kvm_amd nested=1\`.\n\n${kvmGuestHints}`,
  kvm: 'The core KVM module shared by kvm_intel and kvm_amd.',
};
