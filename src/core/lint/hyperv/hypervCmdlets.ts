/**
 * The Hyper-V cmdlets and parameters the nested-XCP-ng checks read (config-formats.md §5.2), with the
 * types PowerShell converts their arguments to. Parameter names match by unique prefix, case-insensitively.
 */
export type PsParamType = 'bool' | 'switch' | 'onoff' | 'int' | 'string' | 'enum' | 'vm' | 'any';

export interface PsParamSpec {
  readonly name: string;
  readonly type: PsParamType;
  readonly aliases?: readonly string[];
  readonly values?: readonly string[];
  readonly doc?: string;
}

export interface PsCmdletSpec {
  readonly name: string;
  readonly params: readonly PsParamSpec[];
  /** Parameter bound by the first positional argument. */
  readonly positional?: readonly string[];
  /** The parameter that names the VM (`Name` for New-VM, `VMName` for the Set- cmdlets). */
  readonly vmParam: string;
  readonly doc: string;
}

const common: PsParamSpec[] = [
  ...['Verbose', 'Debug', 'WhatIf', 'Confirm', 'Passthru', 'AsJob'].map((name): PsParamSpec => ({ name, type: 'switch' })),
  ...['ErrorAction', 'WarningAction', 'InformationAction', 'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'ComputerName', 'CimSession', 'Credential'].map((name): PsParamSpec => ({ name, type: 'any' })),
];
const vmObject: PsParamSpec = { name: 'VM', type: 'vm', doc: 'A VM object, for example from `Get-VM`.' };
const vmName: PsParamSpec = { name: 'VMName', type: 'string', doc: 'The name of the VM.' };

const cmdlet = (name: string, vmParam: string, doc: string, params: PsParamSpec[], positional: string[] = [vmParam]): PsCmdletSpec => ({ name, vmParam, doc, params: [...params, ...common], positional });

export const bootDevices = ['Floppy', 'CD', 'IDE', 'LegacyNetworkAdapter', 'NetworkAdapter', 'VHD'];

export const hypervCmdlets: ReadonlyMap<string, PsCmdletSpec> = new Map(
  [
    cmdlet('New-VM', 'Name', 'Creates a VM.', [
      { name: 'Name', type: 'string', aliases: ['VMName'], doc: 'The name of the new VM.' },
      { name: 'Generation', type: 'int', doc: 'VM generation, 1 or 2. The guide: generation 1, since XCP-ng has no drivers for the "modern" generation 2 hardware.' },
      { name: 'MemoryStartupBytes', type: 'int', doc: 'Memory at start, in bytes (`4GB`). The guide: 4 GB minimum.' },
      { name: 'NewVHDPath', type: 'string' },
      { name: 'NewVHDSizeBytes', type: 'int', doc: 'Size of the new virtual disk (`60GB`). XCP-ng needs at least 60 GB.' },
      { name: 'VHDPath', type: 'string' },
      { name: 'NoVHD', type: 'switch' },
      { name: 'SwitchName', type: 'string' },
      { name: 'BootDevice', type: 'enum', values: bootDevices, doc: 'First boot device. Generation 2 VMs cannot boot from Floppy, IDE or LegacyNetworkAdapter.' },
      { name: 'Path', type: 'string' },
      { name: 'Version', type: 'string' },
      { name: 'Prerelease', type: 'switch' },
      { name: 'Force', type: 'switch' },
      { name: 'GuestStateIsolationType', type: 'any' },
    ], ['Name', 'MemoryStartupBytes']),
    cmdlet('Set-VMProcessor', 'VMName', 'Configures the virtual processors of a VM.', [
      vmName,
      vmObject,
      { name: 'Count', type: 'int', doc: 'Number of virtual processors.' },
      { name: 'ExposeVirtualizationExtensions', type: 'bool', doc: 'Exposes VT-x to the guest so it can run a hypervisor (nested virtualization); only while the VM is off. The guide runs `Set-VMProcessor -VMName <name> -ExposeVirtualizationExtensions $true`.' },
      { name: 'CompatibilityForMigrationEnabled', type: 'bool' },
      { name: 'CompatibilityForOlderOperatingSystemsEnabled', type: 'bool' },
      { name: 'EnableHostResourceProtection', type: 'bool' },
      { name: 'HwThreadCountPerCore', type: 'int' },
      { name: 'Maximum', type: 'int' },
      { name: 'Reserve', type: 'int' },
      { name: 'RelativeWeight', type: 'int' },
      { name: 'MaximumCountPerNumaNode', type: 'int' },
      { name: 'MaximumCountPerNumaSocket', type: 'int' },
    ]),
    cmdlet('Set-VMMemory', 'VMName', 'Configures the memory of a VM.', [
      vmName,
      vmObject,
      { name: 'DynamicMemoryEnabled', type: 'bool', doc: 'Dynamic Memory. The guide: disabled for a nested XCP-ng (the hypervisor turns it off anyway).' },
      { name: 'StartupBytes', type: 'int', doc: 'Memory at start, in bytes (`4GB`). The guide: 4 GB minimum.' },
      { name: 'MinimumBytes', type: 'int' },
      { name: 'MaximumBytes', type: 'int' },
      { name: 'Buffer', type: 'int' },
      { name: 'Priority', type: 'int' },
      { name: 'ResourcePoolName', type: 'string' },
    ]),
    cmdlet('Set-VMNetworkAdapter', 'VMName', 'Configures the network adapters of a VM.', [
      vmName,
      vmObject,
      { name: 'Name', type: 'string', doc: 'The name of the network adapter (not of the VM).' },
      { name: 'VMNetworkAdapter', type: 'any' },
      { name: 'MacAddressSpoofing', type: 'onoff', values: ['On', 'Off'], doc: 'Lets the VM send frames from other MAC addresses, which the nested VMs need. The guide: `-MacAddressSpoofing On`, "even if you use the NAT Default Switch".' },
      { name: 'DhcpGuard', type: 'onoff', values: ['On', 'Off'] },
      { name: 'RouterGuard', type: 'onoff', values: ['On', 'Off'] },
      { name: 'AllowTeaming', type: 'onoff', values: ['On', 'Off'] },
      { name: 'StaticMacAddress', type: 'string' },
      { name: 'DynamicMacAddress', type: 'switch' },
      { name: 'ManagementOS', type: 'switch' },
    ]),
    cmdlet('Add-VMNetworkAdapter', 'VMName', 'Adds a network adapter to a VM.', [
      vmName,
      vmObject,
      { name: 'Name', type: 'string', doc: 'The name of the new adapter (not of the VM).' },
      { name: 'IsLegacy', type: 'bool', doc: 'Adds an emulated (legacy) adapter, generation 1 only. The guide: a nested XCP-ng needs a legacy network card.' },
      { name: 'SwitchName', type: 'string' },
      { name: 'StaticMacAddress', type: 'string' },
      { name: 'DynamicMacAddress', type: 'switch' },
      { name: 'ManagementOS', type: 'switch' },
    ]),
    cmdlet('Get-VMNetworkAdapter', 'VMName', 'Gets the network adapters of a VM.', [vmName, vmObject, { name: 'Name', type: 'string' }, { name: 'All', type: 'switch' }, { name: 'ManagementOS', type: 'switch' }]),
    cmdlet('Remove-VMNetworkAdapter', 'VMName', 'Removes a network adapter from a VM.', [vmName, vmObject, { name: 'Name', type: 'string' }, { name: 'VMNetworkAdapter', type: 'any' }]),
    cmdlet('Add-VMHardDiskDrive', 'VMName', 'Adds a hard disk drive to a VM.', [
      vmName,
      vmObject,
      { name: 'ControllerType', type: 'enum', values: ['IDE', 'SCSI'], doc: 'The controller to attach the disk to. The guide: IDE for a nested XCP-ng.' },
      { name: 'ControllerNumber', type: 'int' },
      { name: 'ControllerLocation', type: 'int' },
      { name: 'Path', type: 'string' },
      { name: 'DiskNumber', type: 'int' },
      { name: 'AllowUnverifiedPaths', type: 'switch' },
    ], ['VMName', 'ControllerType', 'ControllerNumber', 'ControllerLocation', 'Path']),
    cmdlet('Add-VMDvdDrive', 'VMName', 'Adds a DVD drive to a VM.', [vmName, vmObject, { name: 'ControllerNumber', type: 'int' }, { name: 'ControllerLocation', type: 'int' }, { name: 'Path', type: 'string' }]),
    cmdlet('Start-VM', 'Name', 'Starts a VM.', [{ name: 'Name', type: 'string', aliases: ['VMName'] }, vmObject]),
    cmdlet('Stop-VM', 'Name', 'Shuts a VM down.', [{ name: 'Name', type: 'string', aliases: ['VMName'] }, vmObject, { name: 'Force', type: 'switch' }, { name: 'TurnOff', type: 'switch' }, { name: 'Save', type: 'switch' }]),
    cmdlet('Get-VM', 'Name', 'Gets VMs.', [{ name: 'Name', type: 'string', aliases: ['VMName'] }, { name: 'Id', type: 'any' }]),
  ].map((spec) => [spec.name.toLowerCase(), spec]),
);

/**
 * The parameter a written name binds to: an exact name or alias, else the only parameter it is a prefix
 * of (PowerShell's unique-prefix rule). Undefined when unknown or ambiguous.
 */
export function resolvePsParam(spec: PsCmdletSpec, written: string): PsParamSpec | undefined {
  const lower = written.toLowerCase();
  const exact = spec.params.find((p) => p.name.toLowerCase() === lower || p.aliases?.some((a) => a.toLowerCase() === lower));
  if (exact) return exact;
  const matches = spec.params.filter((p) => p.name.toLowerCase().startsWith(lower) || p.aliases?.some((a) => a.toLowerCase().startsWith(lower)));
  return matches.length === 1 ? matches[0] : undefined;
}
