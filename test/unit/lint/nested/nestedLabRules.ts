/**
 * Every rule id of config-formats.md §1.3 (xl), §4.3 (vmx), §5.3 (Hyper-V) and §6.3 (modprobe.d), with
 * the fixture folder and extension of its language. The tests below hold the analyzers to exactly this list.
 */
export interface RuleSet {
  readonly languageId: string;
  readonly prefix: string;
  readonly folder: string;
  readonly extension: string;
  readonly rules: readonly string[];
}

export const nestedLabRules: readonly RuleSet[] = [
  {
    languageId: 'xen-xl',
    prefix: 'xl',
    folder: 'xl',
    extension: 'xl',
    rules: [
      'crlf', 'bom', 'invalid-key', 'unquoted-value', 'syntax', 'unterminated-string', 'line-continuation', 'comment-at-eof',
      'string-escape', 'string-escape-silent', 'duplicate-key', 'plus-equals-number', 'plus-equals-type', 'invalid-number',
      'octal-number', 'type-mismatch', 'unknown-key', 'enum', 'deprecated', 'ignored-key', 'name-missing', 'maxvcpus', 'maxmem',
      'preballoon', 'vif-mac', 'vif-mac-multicast', 'vif-type', 'vif-unknown-key', 'vif-model-ignored', 'disk-deprecated-syntax',
      'disk-spec', 'nested-hap', 'nested-hap-explicit', 'nested-type', 'nested-altp2m', 'nested-not-enabled', 'nested-memory',
      'nested-vcpus', 'nested-vif-pv', 'nested-nic-model', 'nested-viridian',
    ],
  },
  {
    languageId: 'vmx',
    prefix: 'vmx',
    folder: 'vmx',
    extension: 'vmx',
    rules: [
      'syntax', 'unquoted-value', 'duplicate-key', 'bom', 'boolean', 'memsize-multiple-4', 'virtualdev-nic', 'virtualdev-scsi',
      'nested-vhv', 'nested-hwversion', 'nested-pvscsi', 'nested-cpuid-v0', 'nested-nopromisc', 'nic-key-orphan', 'nested-memsize',
      'nested-vcpus', 'nested-disk-size', 'nested-nic', 'vhv-allow-misplaced',
    ],
  },
  {
    languageId: 'powershell',
    prefix: 'hyperv',
    folder: 'hyperv',
    extension: 'ps1',
    rules: [
      'bool-arg', 'onoff-arg', 'unit-suffix', 'generation', 'gen2-legacy', 'dynamic-memory', 'memory-min', 'disk-size', 'scsi-disk',
      'mac-spoofing-off', 'mac-spoofing-missing', 'legacy-nic-missing', 'expose-missing', 'vm-running',
    ],
  },
  {
    languageId: 'modprobe',
    prefix: 'modprobe',
    folder: 'modprobe',
    extension: 'conf',
    rules: [
      'not-conf', 'unknown-command', 'deprecated-command', 'missing-args', 'indented-comment', 'trailing-comment', 'crlf',
      'bad-modname', 'kvm-param-unknown', 'kvm-param-type', 'kvm-nested-disabled', 'kvm-ept-disabled', 'duplicate-option',
    ],
  },
];
