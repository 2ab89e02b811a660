import type { Finding } from '../finding';
import { replaceFix } from '../rangeOf';
import { suggestName } from '../suggestName';
import type { XlString } from './parseXl';
import { specRange, splitXlSpec, type XlSpecItem } from './splitXlSpec';

const namedKeys = ['target', 'format', 'vdev', 'access', 'devtype', 'backend', 'backendtype', 'script', 'specification', 'grant_usage', 'colo-host', 'colo-port', 'colo-export', 'active-disk', 'hidden-disk'];
const flags = ['cdrom', 'direct-io-safe', 'discard', 'no-discard', 'trusted', 'untrusted'];
const allowed: Record<string, readonly string[]> = {
  access: ['ro', 'r', 'rw', 'w'],
  format: ['raw', 'qcow', 'qcow2', 'vhd', 'qed'],
  backendtype: ['phy', 'qdisk', 'standalone', 'tap'],
};
const deprecatedPrefix = /^(raw|qcow|qcow2|vhd|iscsi|nbd|enbd|drbd|tapdisk|tap2|tap|aio|ioemu|file|phy):/;

export interface DiskSpec {
  /** The image or device path, when the spec names one. */
  readonly target: string | undefined;
}

/**
 * Reads one disk spec string (xl-disk-configuration(5)) and reports its errors. Named `key=value` items
 * and flags can appear anywhere; `target=` swallows the rest of the string. Items without `=` are
 * positional: four of them mean `target,format,vdev,access`, two or three the old `target,vdev,access`.
 */
export function checkXlDisk(str: XlString, out: Finding[]): DiskSpec {
  const body = str.body;
  const targetAt = /(^|,)\s*target=/.exec(body);
  const itemsEnd = targetAt ? targetAt.index : body.length;
  // Empty items keep their positional slot (`/dev/vg/lv,,hda,w` has no format).
  const items = splitXlSpec(body, 0, itemsEnd, true);
  const seen = new Map<string, XlSpecItem>();
  const push = (item: XlSpecItem, severity: Finding['severity'], code: string, message: string, fixes?: Finding['fixes']): void => {
    const range = specRange(str, item.offset, item.end - item.offset);
    out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  };
  const setParam = (name: string, item: XlSpecItem): void => {
    if (seen.has(name)) push(item, 'error', 'xl/disk-spec', `\`${name}\` is given twice in this disk spec.`);
    else seen.set(name, item);
  };
  const positional = items.filter((item) => item.key === undefined && !flags.includes(item.value));
  const order = positional.length === 2 || positional.length === 3 ? ['target', 'vdev', 'access'] : ['target', 'format', 'vdev', 'access'];
  let target: string | undefined;
  for (const item of items) {
    if (item.key !== undefined) {
      if (namedKeys.includes(item.key)) {
        setParam(item.key, item);
        checkAllowed(item.key, item.value, item);
      } else {
        const suggestion = suggestName(item.key, namedKeys);
        push(item, 'error', 'xl/disk-spec', `\`${item.key}=\` is not a disk parameter.`, suggestion ? [replaceFix(`Rename to \`${suggestion}\``, specRange(str, item.offset, item.key.length), suggestion, true)] : []);
      }
      continue;
    }
    if (flags.includes(item.value)) {
      setParam(item.value === 'no-discard' ? 'discard' : item.value, item);
      continue;
    }
    const name = order[positional.indexOf(item)];
    if (name === undefined) {
      push(item, 'error', 'xl/disk-spec', 'More than four positional parameters: expected `target,format,vdev,access`.');
      continue;
    }
    if (item.value === '') continue;
    setParam(name, item);
    if (name === 'target') {
      target = item.value;
      const prefix = deprecatedPrefix.exec(item.value)?.[1];
      if (prefix !== undefined) push(item, 'info', 'xl/disk-deprecated-syntax', `The \`${prefix}:\` prefix is deprecated: use \`format=\`/\`backendtype=\` and a plain target.`);
    }
    if (name === 'vdev' && item.value.endsWith(':cdrom')) push(item, 'info', 'xl/disk-deprecated-syntax', '`vdev:cdrom` is the old syntax: write `vdev=..., devtype=cdrom`.');
    checkAllowed(name, item.value, item);
  }
  function checkAllowed(name: string, value: string, item: XlSpecItem): void {
    const values = allowed[name];
    if (!values || value === '' || values.includes(value)) return;
    const suggestion = suggestName(value, values);
    push(item, 'error', 'xl/disk-spec', `\`${value}\` is not a valid disk ${name}: use ${values.map((v) => `\`${v}\``).join(', ')}.`, suggestion ? [replaceFix(`Replace with \`${suggestion}\``, specRange(str, item.valueOffset, value.length), suggestion, true)] : []);
  }
  if (targetAt) {
    const valueOffset = targetAt.index + targetAt[0].length;
    const rest = body.slice(valueOffset);
    const start = targetAt.index + targetAt[0].indexOf('target=');
    const targetItem: XlSpecItem = { key: 'target', value: rest, offset: start, end: body.length, valueOffset };
    setParam('target', targetItem);
    target = rest;
    const swallowed = /,\s*([a-z_-]+)=/.exec(rest);
    if (swallowed && namedKeys.includes(swallowed[1] as string)) {
      push(targetItem, 'error', 'xl/disk-spec', `\`target=\` must come last: everything after it, including \`${swallowed[1]}=\`, becomes part of the path.`);
    }
  }
  return { target };
}
