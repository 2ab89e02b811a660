import * as vscode from 'vscode';
import type { Host, Vm } from '../../core/lab/labModel';
import { vmResources } from '../../core/lab/vmResources';
import type { SecureBootVerdict } from '../../core/ops/secureBoot/secureBootVerdict';
import { vmContext, type VmPowerFacet } from './contextValue';
import type { VmNode } from './explorerNode';

const POWER_ICON: Record<VmPowerFacet, vscode.ThemeIcon> = {
  running: new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed')),
  halted: new vscode.ThemeIcon('vm-outline'),
  suspended: new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('charts.yellow')),
  paused: new vscode.ThemeIcon('debug-pause'),
};

/**
 * A VM row. When the Secure Boot verdict needs the VM's NVRAM (not read yet), the tooltip is left out so VS Code
 * asks the provider's resolveTreeItem on hover, which reads it then.
 */
export function vmItem(
  node: VmNode,
  vm: Vm,
  host: Host | undefined,
  decorate: (vm: Vm) => string | undefined,
  secureBoot?: SecureBootVerdict,
): vscode.TreeItem {
  const power: VmPowerFacet = vm.powerState === 'unknown' ? 'halted' : vm.powerState;
  const item = new vscode.TreeItem(vm.name || vm.uuid, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = POWER_ICON[power];
  const parts: string[] = [];
  if (power !== 'running') parts.push(power);
  if (vm.ips[0]) parts.push(vm.ips[0]);
  const warning = decorate(vm);
  if (warning) parts.push(`⚠ ${warning}`);
  item.description = parts.join(' · ');
  item.contextValue = vmContext(power, {
    autoPowerOn: vm.autoPowerOn,
    router: vm.otherConfig.get('xcpng-lab.guide') === 'router',
    nested: vm.platform.get('exp-nested-hvm') === 'true' || vm.platform.get('nested-virt') === 'true',
    uefi: vm.hvmBootParams.get('firmware') === 'uefi',
  });
  if (secureBoot?.status !== 'unread') item.tooltip = vmTooltip(vm, host, warning, secureBoot);
  item.accessibilityInformation = { label: `VM ${vm.name}, ${power}` };
  return item;
}

export function vmTooltip(vm: Vm, host: Host | undefined, warning: string | undefined, secureBoot?: SecureBootVerdict): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const resources = vmResources(vm);
  md.appendMarkdown(`**${escape(vm.name)}** — ${vm.powerState}\n\n`);
  if (vm.description) md.appendMarkdown(`${escape(vm.description)}\n\n`);
  const rows: [string, string][] = [
    ['UUID', `\`${vm.uuid}\``],
    ['Host', host ? escape(host.name) : '—'],
    ['Memory', resources.memory],
    ['VCPUs', resources.vcpus],
  ];
  if (vm.ips.length) rows.push(['IP', vm.ips.map(escape).join(', ')]);
  const os = vm.osVersion?.get('name') ?? vm.osVersion?.get('distro');
  if (os) rows.push(['OS', escape(os.split('|')[0] ?? os)]);
  if (vm.hvmBootParams.get('firmware')) rows.push(['Firmware', escape(vm.hvmBootParams.get('firmware') ?? '')]);
  if (secureBoot && secureBoot.status !== 'bios') rows.push(['Secure Boot', escape(secureBoot.label)]);
  if (vm.autoPowerOn) rows.push(['Auto power on', 'yes']);
  md.appendMarkdown(rows.map(([k, v]) => `${k}: ${v}`).join('  \n'));
  if (secureBoot && secureBoot.status !== 'bios') {
    const icon = secureBoot.status === 'enforced' && secureBoot.warnings.length === 0 ? '$(shield)' : '$(warning)';
    md.appendMarkdown(`\n\n${icon} ${escape(secureBoot.reason)}`);
    for (const w of secureBoot.warnings) md.appendMarkdown(`\n\n$(warning) ${escape(w)}`);
  }
  if (warning) md.appendMarkdown(`\n\n$(warning) ${escape(warning)}`);
  return md;
}

/** Names come from the pool and may hold Markdown; show them as text. */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~$]/g, '\\$&');
}
