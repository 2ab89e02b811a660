import { describeXlType, xlKeys } from './xlKeys';

/** What hovers say about the items of a vif spec string (xl-network-configuration(5)), in our words. */
export const vifItemDocs: Record<string, string> = {
  mac: 'The MAC address, six hex octets (`00:16:3e:xx:xx:xx` is the range Xen reserves for guests). The guide writes `xx:xx:xx:xx:xx:xx` as a placeholder: replace it.',
  bridge: 'The dom0 bridge the interface is attached to (for example `xenbr0` or `virbr0`).',
  type: '`ioemu` (the default): an emulated NIC plus a PV one; `vif`: PV only. A nested XCP-ng needs `ioemu`.',
  model: 'The emulated NIC model for `type=ioemu`: `rtl8139` (default), `e1000`, ... The guide recommends `e1000` for a nested XCP-ng.',
  vifname: 'The name of the backend interface in dom0.',
  script: 'The hotplug script that sets the interface up in dom0.',
  ip: 'IP addresses the backend lets the guest use.',
  gatewaydev: 'The dom0 device used as gateway by routed setups.',
  netdev: 'Old name of `gatewaydev` (deprecated).',
  rate: 'Bandwidth limit, for example `10Mb/s`.',
  mtu: 'The MTU of the interface.',
  devid: 'The interface number in the guest.',
  backend: 'The domain that runs the backend (dom0 by default).',
};

export const diskItemDocs: Record<string, string> = {
  target: 'The image file or block device. `target=` must come last: everything after it is part of the path.',
  format: 'The image format: `raw`, `qcow`, `qcow2`, `vhd` or `qed`.',
  vdev: 'The device name the guest sees (`xvda`, `hda`, `hdc`, ...).',
  access: '`rw`/`w` read-write, `ro`/`r` read-only.',
  devtype: '`cdrom` makes the device a CD-ROM drive.',
  backendtype: 'The backend: `phy`, `qdisk`, `standalone` or `tap`.',
  cdrom: 'Flag: the device is a CD-ROM drive (same as `devtype=cdrom`).',
};

/** Markdown for a key: what it does, the value it takes, deprecations, and the guide step that needs it. */
export function xlKeyMarkdown(key: string): string | undefined {
  const info = xlKeys.get(key);
  if (!info) return undefined;
  const parts = [`**${key}**${info.doc ? `: ${info.doc}` : ''}`];
  parts.push(`Value: ${describeXlType(info)}${info.values ? ` (${info.values.map((v) => `\`${v}\``).join(', ')}${info.allowsPath ? ', or a path' : ''})` : ''}.`);
  if (info.deprecated) parts.push(`Deprecated: ${info.deprecated}.`);
  if (info.type === 'ignored') parts.push(`xl ignores this key; use ${info.replacement ?? 'something else'}.`);
  if (info.guide) parts.push(`Nested XCP-ng (guide "XCP-ng in a VM", Xen section): ${info.guide}`);
  return parts.join('\n\n');
}
