import type { Finding } from '../finding';
import { replaceFix } from '../rangeOf';
import { suggestName } from '../suggestName';
import type { XlString } from './parseXl';
import { specRange, splitXlSpec, type XlSpecItem } from './splitXlSpec';

const namedKeys = ['target', 'format', 'vdev', 'access', 'devtype', 'backend', 'backendtype', 'script', 'specification', 'grant_usage', 'colo-host', 'colo-port', 'colo-export', 'active-disk', 'hidden-disk'];
const flags = ['cdrom', 'direct-io-safe', 'discard', 'no-discard', 'trusted', 'untrusted'];
const accessValues = ['ro', 'r', 'rw', 'w'];
const formatValues = ['raw', 'qcow', 'qcow2', 'vhd', 'qed'];
const backendtypeValues = ['phy', 'qdisk', 'standalone', 'tap'];

// The names here are fresh slices of the spec, whose hash a Map or Set lookup must compute first (and an
// object lookup must intern them): comparing with a few constants is several times cheaper. Same for the short
// lists below, `includes` rather than a Set.
function allowedValues(name: string): readonly string[] | undefined {
  return name === 'access' ? accessValues : name === 'format' ? formatValues : name === 'backendtype' ? backendtypeValues : undefined;
}
const deprecatedPrefix = /^(raw|qcow|qcow2|vhd|iscsi|nbd|enbd|drbd|tapdisk|tap2|tap|aio|ioemu|file|phy):/;
const space = /\s/;
const legacyOrder = ['target', 'vdev', 'access'];
const modernOrder = ['target', 'format', 'vdev', 'access'];

export interface DiskSpec {
  /** The image or device path, when the spec names one. */
  readonly target: string | undefined;
}

function report(out: Finding[], str: XlString, item: XlSpecItem, severity: Finding['severity'], code: string, message: string, fixes?: Finding['fixes']): void {
  const range = specRange(str, item.offset, item.end - item.offset);
  out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
}

function checkAllowed(out: Finding[], str: XlString, name: string, item: XlSpecItem): void {
  const values = allowedValues(name);
  const value = item.value;
  if (!values || value === '' || values.includes(value)) return;
  const suggestion = suggestName(value, values);
  report(out, str, item, 'error', 'xl/disk-spec', `\`${value}\` is not a valid disk ${name}: use ${values.map((v) => `\`${v}\``).join(', ')}.`, suggestion ? [replaceFix(`Replace with \`${suggestion}\``, specRange(str, item.valueOffset, value.length), suggestion, true)] : []);
}

/**
 * Where `(^|,)\s*target=` first matches in `body`: the match start and where `target=` itself starts, or
 * undefined. Found with indexOf, since nearly every disk spec names a target and the regex search cost more.
 */
function findTarget(body: string): { index: number; key: number } | undefined {
  for (let key = body.indexOf('target='); key >= 0; key = body.indexOf('target=', key + 1)) {
    let index = key;
    while (index > 0 && space.test(body[index - 1] as string)) index--;
    if (index === 0) return { index, key };
    if (body.charCodeAt(index - 1) === 0x2c) return { index: index - 1, key };
  }
  return undefined;
}

function setParam(out: Finding[], str: XlString, seen: string[], name: string, item: XlSpecItem): void {
  if (seen.includes(name)) report(out, str, item, 'error', 'xl/disk-spec', `\`${name}\` is given twice in this disk spec.`);
  else seen.push(name);
}

/**
 * Reads one disk spec string (xl-disk-configuration(5)) and reports its errors. Named `key=value` items
 * and flags can appear anywhere; `target=` swallows the rest of the string. Items without `=` are
 * positional: four of them mean `target,format,vdev,access`, two or three the old `target,vdev,access`.
 */
export function checkXlDisk(str: XlString, out: Finding[]): DiskSpec {
  const body = str.body;
  const targetAt = findTarget(body);
  const itemsEnd = targetAt ? targetAt.index : body.length;
  // Empty items keep their positional slot (`/dev/vg/lv,,hda,w` has no format).
  const items = splitXlSpec(body, 0, itemsEnd, true);
  const seen: string[] = [];
  let positionalCount = 0;
  for (const item of items) if (item.key === undefined && !flags.includes(item.value)) positionalCount++;
  const order = positionalCount === 2 || positionalCount === 3 ? legacyOrder : modernOrder;
  let slot = 0;
  let target: string | undefined;
  for (const item of items) {
    if (item.key !== undefined) {
      if (namedKeys.includes(item.key)) {
        setParam(out, str, seen, item.key, item);
        checkAllowed(out, str, item.key, item);
      } else {
        const suggestion = suggestName(item.key, namedKeys);
        report(out, str, item, 'error', 'xl/disk-spec', `\`${item.key}=\` is not a disk parameter.`, suggestion ? [replaceFix(`Rename to \`${suggestion}\``, specRange(str, item.offset, item.key.length), suggestion, true)] : []);
      }
      continue;
    }
    if (flags.includes(item.value)) {
      setParam(out, str, seen, item.value === 'no-discard' ? 'discard' : item.value, item);
      continue;
    }
    const name = order[slot++];
    if (name === undefined) {
      report(out, str, item, 'error', 'xl/disk-spec', 'More than four positional parameters: expected `target,format,vdev,access`.');
      continue;
    }
    if (item.value === '') continue;
    setParam(out, str, seen, name, item);
    if (name === 'target') {
      target = item.value;
      const prefix = deprecatedPrefix.exec(item.value)?.[1];
      if (prefix !== undefined) report(out, str, item, 'info', 'xl/disk-deprecated-syntax', `The \`${prefix}:\` prefix is deprecated: use \`format=\`/\`backendtype=\` and a plain target.`);
    }
    if (name === 'vdev' && item.value.endsWith(':cdrom')) report(out, str, item, 'info', 'xl/disk-deprecated-syntax', '`vdev:cdrom` is the old syntax: write `vdev=..., devtype=cdrom`.');
    checkAllowed(out, str, name, item);
  }
  if (targetAt) {
    const valueOffset = targetAt.key + 'target='.length;
    const rest = body.slice(valueOffset);
    const item: XlSpecItem = { key: 'target', value: rest, offset: targetAt.key, end: body.length, valueOffset };
    setParam(out, str, seen, 'target', item);
    target = rest;
    const swallowed = rest.includes('=') ? /,\s*([a-z_-]+)=/.exec(rest) : null;
    if (swallowed && namedKeys.includes(swallowed[1] as string)) {
      report(out, str, item, 'error', 'xl/disk-spec', `\`target=\` must come last: everything after it, including \`${swallowed[1] as string}=\`, becomes part of the path.`);
    }
  }
  return { target };
}
