import type { Finding } from '../finding';
import { replaceFix } from '../rangeOf';
import { suggestName } from '../suggestName';
import type { XlString } from './parseXl';
import { specRange } from './splitXlSpec';
import { splitXlSpecOffsets, type XlSpecOffsets } from './splitXlSpecOffsets';

const namedKeys = ['target', 'format', 'vdev', 'access', 'devtype', 'backend', 'backendtype', 'script', 'specification', 'grant_usage', 'colo-host', 'colo-port', 'colo-export', 'active-disk', 'hidden-disk'];
const flags = ['cdrom', 'direct-io-safe', 'discard', 'no-discard', 'trusted', 'untrusted'];
const accessValues = ['ro', 'r', 'rw', 'w'];
const formatValues = ['raw', 'qcow', 'qcow2', 'vhd', 'qed'];
const backendtypeValues = ['phy', 'qdisk', 'standalone', 'tap'];
const deprecatedPrefix = /^(raw|qcow|qcow2|vhd|iscsi|nbd|enbd|drbd|tapdisk|tap2|tap|aio|ioemu|file|phy):/;

// Parameters are numbered for the "given twice" check, which keeps a bit mask instead of a list of names:
// named keys by their index in `namedKeys`, flags after them (`no-discard` counts as `discard`).
const TARGET = 0;
const FORMAT = 1;
const VDEV = 2;
const ACCESS = 3;
const BACKENDTYPE = 6;
const FLAG_BASE = namedKeys.length;
const DISCARD_FLAG = flags.indexOf('discard');
const NO_DISCARD_FLAG = flags.indexOf('no-discard');
const legacyOrder = [TARGET, VDEV, ACCESS];
const modernOrder = [TARGET, FORMAT, VDEV, ACCESS];

function allowedValues(param: number): readonly string[] | undefined {
  return param === ACCESS ? accessValues : param === FORMAT ? formatValues : param === BACKENDTYPE ? backendtypeValues : undefined;
}

/**
 * Index of the word of `words` that `body[start, end)` spells, or -1. Compares in place: a disk line has a
 * handful of items, and slicing each one into a string to look it up cost more than the rest of the check
 * (as did `startsWith`, slow on the sliced strings the bodies are).
 */
function wordAt(body: string, start: number, end: number, words: readonly string[]): number {
  const length = end - start;
  next: for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    if (word.length !== length) continue;
    for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== body.charCodeAt(start + i)) continue next;
    return w;
  }
  return -1;
}

/** JavaScript's `\s`, which the `(^|,)\s*target=` search of xl's reading allows before `target=`. */
function isJsSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where `(^|,)\s*target=` first matches: the match start (0 or the comma) and where `target=` starts. */
function findTarget(body: string): { index: number; key: number } | undefined {
  for (let key = body.indexOf('target='); key >= 0; key = body.indexOf('target=', key + 1)) {
    let index = key;
    while (index > 0 && isJsSpace(body.charCodeAt(index - 1))) index--;
    if (index === 0) return { index, key };
    if (body.charCodeAt(index - 1) === 0x2c) return { index: index - 1, key };
  }
  return undefined;
}

/** The items before `target=`, reused across calls. */
const spec: XlSpecOffsets = { items: new Int32Array(48), count: 0 };

/** Reports the problems of one disk spec; ranges are made only for what is reported. */
class DiskSpecCheck {
  private seen = 0;

  constructor(
    private readonly str: XlString,
    private readonly out: Finding[],
  ) {}

  report(offset: number, end: number, severity: Finding['severity'], code: string, message: string, fixes?: Finding['fixes']): void {
    const range = specRange(this.str, offset, end - offset);
    this.out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  /** Marks the parameter as given, reporting it when it already was. */
  setParam(param: number, name: string, offset: number, end: number): void {
    const bit = 1 << param;
    if (this.seen & bit) this.report(offset, end, 'error', 'xl/disk-spec', `\`${name}\` is given twice in this disk spec.`);
    else this.seen |= bit;
  }

  checkAllowed(param: number, offset: number, valueOffset: number, end: number): void {
    const values = allowedValues(param);
    if (!values || valueOffset === end || wordAt(this.str.body, valueOffset, end, values) >= 0) return;
    const value = this.str.body.slice(valueOffset, end);
    const suggestion = suggestName(value, values);
    this.report(offset, end, 'error', 'xl/disk-spec', `\`${value}\` is not a valid disk ${namedKeys[param] as string}: use ${values.map((v) => `\`${v}\``).join(', ')}.`, suggestion ? [replaceFix(`Replace with \`${suggestion}\``, specRange(this.str, valueOffset, value.length), suggestion, true)] : []);
  }
}

/**
 * Reads one disk spec string (xl-disk-configuration(5)) and reports its errors. Named `key=value` items
 * and flags can appear anywhere; `target=` swallows the rest of the string. Items without `=` are
 * positional: four of them mean `target,format,vdev,access`, two or three the old `target,vdev,access`.
 */
export function checkXlDisk(str: XlString, out: Finding[]): void {
  const body = str.body;
  const targetAt = findTarget(body);
  // Empty items keep their positional slot (`/dev/vg/lv,,hda,w` has no format).
  splitXlSpecOffsets(body, 0, targetAt ? targetAt.index : body.length, true, spec);
  const { items, count } = spec;
  const check = new DiskSpecCheck(str, out);
  let positionalCount = 0;
  for (let k = 0; k < count; k++) {
    if ((items[k * 3 + 2] as number) < 0 && wordAt(body, items[k * 3] as number, items[k * 3 + 1] as number, flags) < 0) positionalCount++;
  }
  const order = positionalCount === 2 || positionalCount === 3 ? legacyOrder : modernOrder;
  let slot = 0;
  for (let k = 0; k < count; k++) {
    const a = items[k * 3] as number;
    const b = items[k * 3 + 1] as number;
    const eq = items[k * 3 + 2] as number;
    if (eq >= 0) {
      const param = wordAt(body, a, eq, namedKeys);
      if (param >= 0) {
        check.setParam(param, namedKeys[param] as string, a, b);
        check.checkAllowed(param, a, eq + 1, b);
      } else {
        const key = body.slice(a, eq);
        const suggestion = suggestName(key, namedKeys);
        check.report(a, b, 'error', 'xl/disk-spec', `\`${key}=\` is not a disk parameter.`, suggestion ? [replaceFix(`Rename to \`${suggestion}\``, specRange(str, a, key.length), suggestion, true)] : []);
      }
      continue;
    }
    const flag = wordAt(body, a, b, flags);
    if (flag >= 0) {
      const param = flag === NO_DISCARD_FLAG ? DISCARD_FLAG : flag;
      check.setParam(FLAG_BASE + param, flags[param] as string, a, b);
      continue;
    }
    const param = order[slot++];
    if (param === undefined) {
      check.report(a, b, 'error', 'xl/disk-spec', 'More than four positional parameters: expected `target,format,vdev,access`.');
      continue;
    }
    if (a === b) continue;
    check.setParam(param, namedKeys[param] as string, a, b);
    if (param === TARGET) {
      // Every deprecated prefix ends in `:`, so a target without one needs no regex (and no copy).
      const colon = body.indexOf(':', a);
      const prefix = colon >= 0 && colon < b ? deprecatedPrefix.exec(body.slice(a, b))?.[1] : undefined;
      if (prefix !== undefined) check.report(a, b, 'info', 'xl/disk-deprecated-syntax', `The \`${prefix}:\` prefix is deprecated: use \`format=\`/\`backendtype=\` and a plain target.`);
    }
    if (param === VDEV && b - a >= 6 && body.endsWith(':cdrom', b)) check.report(a, b, 'info', 'xl/disk-deprecated-syntax', '`vdev:cdrom` is the old syntax: write `vdev=..., devtype=cdrom`.');
    check.checkAllowed(param, a, a, b);
  }
  if (targetAt) {
    const valueOffset = targetAt.key + 'target='.length;
    check.setParam(TARGET, 'target', targetAt.key, body.length);
    const swallowed = body.indexOf('=', valueOffset) >= 0 ? /,\s*([a-z_-]+)=/.exec(body.slice(valueOffset)) : null;
    if (swallowed && namedKeys.includes(swallowed[1] as string)) {
      check.report(targetAt.key, body.length, 'error', 'xl/disk-spec', `\`target=\` must come last: everything after it, including \`${swallowed[1] as string}=\`, becomes part of the path.`);
    }
  }
}
