import type { Finding, Fix } from '../finding';
import { replaceFix } from '../rangeOf';
import { suggestName } from '../suggestName';
import type { XlString } from './xlTree';
import { specRange, splitXlSpec, type XlSpecItem } from './splitXlSpec';

const vifKeys = ['mac', 'bridge', 'gatewaydev', 'type', 'model', 'vifname', 'script', 'ip', 'backend', 'rate', 'devid', 'mtu', 'vlan', 'forwarddev', 'accel', 'netdev'];
const vifFlags = ['trusted', 'untrusted'];
const macPattern = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

/** FNV-1a, to derive a stable example MAC from the config instead of a random one (fixes must be reproducible). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A MAC in the range Xen reserves for guests (00:16:3e:00:00:00 to 00:16:3e:7f:ff:ff). */
export function xenMac(seed: string): string {
  const h = hash(seed);
  const octets = [(h >>> 16) & 0x7f, (h >>> 8) & 0xff, h & 0xff];
  return `00:16:3e:${octets.map((o) => o.toString(16).padStart(2, '0')).join(':')}`;
}

export interface VifCheckOptions {
  readonly nested: boolean;
  /** Seed for the example MAC of the fix: the domain name and the vif's position. */
  readonly macSeed: string;
}

/** The rules on one vif spec string (config-formats.md §1.3, xl-network-configuration(5)). */
export function checkXlVif(str: XlString, options: VifCheckOptions, out: Finding[]): void {
  const items = splitXlSpec(str.body);
  const find = (key: string): XlSpecItem | undefined => items.find((i) => i.key === key);
  const push = (item: XlSpecItem | undefined, severity: Finding['severity'], code: string, message: string, fixes?: Fix[]): void => {
    const range = item ? specRange(str, item.offset, item.end - item.offset) : { start: { line: str.line, character: str.start }, end: { line: str.line, character: str.end } };
    out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  };
  for (const item of items) {
    const known = item.key === undefined ? vifFlags.includes(item.value) : vifKeys.includes(item.key) || item.key.startsWith('colo_');
    if (known) continue;
    const name = item.key ?? item.value;
    const suggestion = suggestName(name, item.key === undefined ? vifFlags : vifKeys);
    const fixes = suggestion ? [replaceFix(`Rename to \`${suggestion}\``, specRange(str, item.offset, name.length), suggestion, true)] : [];
    push(item, 'warning', 'xl/vif-unknown-key', `\`${name}\` is not a vif setting; xl prints "unrecognized argument" and ignores it.`, fixes);
  }
  const mac = find('mac');
  if (mac) {
    const valueRange = specRange(str, mac.valueOffset, mac.value.length);
    if (!macPattern.test(mac.value)) {
      const placeholder = /x/i.test(mac.value) ? ' (the guide writes `xx:xx:xx:xx:xx:xx` as a placeholder)' : '';
      const example = xenMac(options.macSeed);
      push(mac, 'error', 'xl/vif-mac', `\`${mac.value}\` is not a MAC address of six hex octets${placeholder}.`, [replaceFix(`Use ${example} (Xen's range)`, valueRange, example, true)]);
    } else {
      const first = parseInt(mac.value.slice(0, 2), 16);
      if (first & 1) {
        const fixed = (first & 0xfe).toString(16).padStart(2, '0');
        push(mac, 'warning', 'xl/vif-mac-multicast', `\`${mac.value}\` is a multicast address (lowest bit of the first octet set); a NIC needs a unicast MAC.`, [replaceFix(`Clear the multicast bit (${fixed}:...)`, specRange(str, mac.valueOffset, 2), fixed, true)]);
      }
    }
  }
  const type = find('type');
  if (type && type.value !== 'ioemu' && type.value !== 'vif') {
    const suggestion = suggestName(type.value, ['ioemu', 'vif']);
    const fixes = suggestion ? [replaceFix(`Replace with \`${suggestion}\``, specRange(str, type.valueOffset, type.value.length), suggestion, true)] : [];
    push(type, 'error', 'xl/vif-type', `vif \`type=${type.value}\` is invalid: use \`ioemu\` (emulated NIC, the default) or \`vif\` (PV only).`, fixes);
  }
  const model = find('model');
  const netdev = find('netdev');
  if (netdev) {
    push(netdev, 'info', 'xl/deprecated', '`netdev` is deprecated: use `gatewaydev`.', [replaceFix('Rename to `gatewaydev`', specRange(str, netdev.offset, 'netdev'.length), 'gatewaydev', true)]);
  }
  if (type?.value === 'vif') {
    if (model) push(model, 'info', 'xl/vif-model-ignored', '`model=` only applies to emulated NICs (`type=ioemu`); with `type=vif` it is ignored.');
    if (options.nested) {
      push(type, 'warning', 'xl/nested-vif-pv', 'A nested XCP-ng needs an emulated NIC: use `type=ioemu` (the guide: "you need to use a vif of ioemu type").', [replaceFix('Use `type=ioemu`', specRange(str, type.valueOffset, type.value.length), 'ioemu', true)]);
    }
  } else if (options.nested && model?.value !== 'e1000') {
    const fix = model
      ? replaceFix('Use `model=e1000`', specRange(str, model.valueOffset, model.value.length), 'e1000', true)
      : replaceFix('Add `model=e1000`', specRange(str, str.body.length, 0), str.body.trim() === '' ? 'model=e1000' : ',model=e1000', true);
    push(model, 'info', 'xl/nested-nic-model', 'The default rtl8139 NIC can be unstable under a nested XCP-ng; the guide recommends `model=e1000`.', [fix]);
  }
}
