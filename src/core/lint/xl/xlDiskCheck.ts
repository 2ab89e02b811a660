import type { CodeUnits } from '../codeUnits';
import type { Finding } from '../finding';
import { bytesBelow, fourByteView, fourOf } from '../fourBytes';
import { replaceFix } from '../rangeOf';
import { suggestName } from '../suggestName';
import type { XlString } from './xlTree';
import { specRange } from './splitXlSpec';
import { spells, XlWordTable } from './xlWordTable';

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

/** What an item is, besides its offsets: a named key, an unknown `key=`, a flag, or a positional value. */
const UNKNOWN_KEY = -1;
const POSITIONAL = -2;

const namedKeyTable = new XlWordTable(namedKeys);
const flagTable = new XlWordTable(flags);
const accessTable = new XlWordTable(accessValues);
const formatTable = new XlWordTable(formatValues);
const backendtypeTable = new XlWordTable(backendtypeValues);

/** The table of the values each parameter allows, by parameter number; undefined when any value goes. */
const valueTables = namedKeys.map((_, param) => allowedTable(param));

function allowedValues(param: number): readonly string[] | undefined {
  return param === ACCESS ? accessValues : param === FORMAT ? formatValues : param === BACKENDTYPE ? backendtypeValues : undefined;
}

function allowedTable(param: number): XlWordTable | undefined {
  return param === ACCESS ? accessTable : param === FORMAT ? formatTable : param === BACKENDTYPE ? backendtypeTable : undefined;
}

/**
 * JavaScript's `\s`, which the `(^|,)\s*target=` search of xl's reading allows before `target=`, asked after the
 * blanks: every item start is tested, and the printable ASCII that starts nearly all of them is ruled out first.
 */
function isOtherJsSpace(c: number): boolean {
  return (c <= 0x20 || c >= 0xa0) && isJsSpace(c);
}

function isJsSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * Items of a disk spec kept until the number of positional ones is known (which decides what each means),
 * four numbers each: start and end (blanks trimmed), the `=` or -1, and what the item is (a parameter number,
 * {@link UNKNOWN_KEY} or {@link POSITIONAL}). Reused and grown across specs: a large config has thousands,
 * and objects per item dominated their check.
 */
let kept = new Int32Array(64);

/** Whether the code unit `c` occurs in `codes[from, to)`. */
function occurs(codes: CodeUnits, from: number, to: number, c: number): boolean {
  for (let i = from; i < to; i++) if (codes[i] === c) return true;
  return false;
}

const COLON = 0x3a;
const COMMA = 0x2c;
const EQ = 0x3d;
const CDROM_SUFFIX = ':cdrom';

/**
 * Where the first ASCII unit `c` at or after `from` is, or `limit` when none is before it: 4 bytes a read from
 * the view of an ASCII text, then one unit at a time for the rest.
 */
function unitAt(codes: CodeUnits, view: DataView | undefined, from: number, limit: number, c: number): number {
  let i = from;
  if (view !== undefined) {
    const four = fourOf(c);
    for (; i + 4 <= limit; i += 4) {
      // A zero byte of `x` is a `c` of the text; the lowest set bit of `zero` marks the first one exactly.
      const x = view.getInt32(i, true) ^ four;
      const zero = bytesBelow(x, 1);
      if (zero !== 0) return i + ((31 - Math.clz32(zero & -zero)) >> 3);
    }
  }
  while (i < limit && codes[i] !== c) i++;
  return i;
}

/**
 * The disk spec check of one document: reports the problems of each spec given to {@link check}; ranges and
 * text are made only for what is reported. Made per document rather than once for all: it is written for
 * every spec (a large config has thousands), and writing a new string node into a long-lived object costs a
 * write barrier each time.
 */
export class XlDiskCheck {
  private seen = 0;
  /** Items kept in {@link kept} for the spec being checked, and how many of them are positional. */
  private count = 0;
  private positionalCount = 0;
  private str!: XlString;
  private base = 0;
  /** The same code units as `codes` 4 bytes a read, when the text is ASCII: keys and values are compared a read at a time. */
  private readonly view: DataView | undefined;

  constructor(
    /** The document's code units (`codeUnits(text)`). */
    private readonly codes: CodeUnits,
    private readonly out: Finding[],
  ) {
    this.view = fourByteView(codes);
  }

  /**
   * Reads one disk spec string (xl-disk-configuration(5)) and reports its errors. Named `key=value` items
   * and flags can appear anywhere; `target=` swallows the rest of the string. Items without `=` are
   * positional: four of them mean `target,format,vdev,access`, two or three the old `target,vdev,access`.
   * The body is read in the document's code units, at `str.bodyOffset`, and cut as a string only for a message.
   */
  check(str: XlString): void {
    const codes = this.codes;
    const view = this.view;
    const base = str.bodyOffset;
    const limit = base + str.end - str.start - 2;
    this.seen = 0;
    this.str = str;
    this.base = base;
    // Items are split at commas up to the one where xl's `(^|,)\s*target=` search matches: `target=` after any
    // JavaScript white space swallows the rest of the string. Empty items are kept (`/dev/vg/lv,,hda,w` has no
    // format). Offsets here are the text's; the item readers and reports take the body's.
    this.count = 0;
    this.positionalCount = 0;
    for (let start = base; ; ) {
      let a = start;
      while (a < limit && isBlank(codes[a] as number)) a++;
      // The usual item is a parameter name and `=`, read in one go: then its first `=` is known, and only the
      // value is read. `target=` is one of those names, looked for after any JavaScript white space: looking
      // only where an item starts spares a search of the whole body for it. No name starts with such a space,
      // so an item that does names nothing else.
      let s = a;
      while (s < limit && isOtherJsSpace(codes[s] as number)) s++;
      const name = namedKeyTable.findBefore(codes, view, s, limit, EQ);
      if (name === TARGET) {
        if (this.count > 0) this.checkKept();
        this.checkTarget(s - base, limit - base);
        return;
      }
      let end: number;
      if (name >= 0 && s === a && this.count === 0) {
        // Checked as it is read. A value that rules compare (`access=rw`) is compared in place, in one read
        // when it is short.
        const v = a + namedKeyTable.lengthOf(name) + 1;
        end = unitAt(codes, view, v, limit, COMMA);
        let b = end;
        while (b > a && isBlank(codes[b - 1] as number)) b--;
        const bit = 1 << name;
        if (this.seen & bit) this.reportTwice(name, a - base, b - base);
        else this.seen |= bit;
        const table = valueTables[name];
        if (table !== undefined && b !== v && table.findRead(codes, view, v, b - v) < 0) this.checkAllowed(name, a - base, v - base, b - base);
      } else end = base + this.readItem(a - base, limit - base, s === a ? name : -1);
      if (end >= limit) break;
      start = end + 1;
    }
    if (this.count > 0) this.checkKept();
  }

  /** The items kept from the first positional one on, now that the number of positional items is known. */
  private checkKept(): void {
    const codes = this.codes;
    const base = this.base;
    const order = this.positionalCount === 2 || this.positionalCount === 3 ? legacyOrder : modernOrder;
    let slot = 0;
    for (let k = 0; k < this.count; k++) {
      const a = kept[k * 4] as number;
      const b = kept[k * 4 + 1] as number;
      const eq = kept[k * 4 + 2] as number;
      const kind = kept[k * 4 + 3] as number;
      if (kind !== POSITIONAL) {
        this.checkKeyed(a, b, eq, kind);
        continue;
      }
      const param = order[slot++];
      if (param === undefined) {
        this.report(a, b, 'error', 'xl/disk-spec', 'More than four positional parameters: expected `target,format,vdev,access`.');
        continue;
      }
      if (a === b) continue;
      this.setParam(param, a, b);
      if (param === TARGET) {
        // Every deprecated prefix ends in `:`, so a target without one needs no regex (and no copy).
        const prefix = occurs(codes, base + a, base + b, COLON) ? deprecatedPrefix.exec(this.str.body.slice(a, b))?.[1] : undefined;
        if (prefix !== undefined) this.report(a, b, 'info', 'xl/disk-deprecated-syntax', `The \`${prefix}:\` prefix is deprecated: use \`format=\`/\`backendtype=\` and a plain target.`);
      }
      if (param === VDEV && b - a >= CDROM_SUFFIX.length && spells(codes, base + b - CDROM_SUFFIX.length, CDROM_SUFFIX)) this.report(a, b, 'info', 'xl/disk-deprecated-syntax', '`vdev:cdrom` is the old syntax: write `vdev=..., devtype=cdrom`.');
      this.checkAllowed(param, a, a, b);
    }
  }

  /** The `target=` item at `target` of the body, which takes the rest of it (`n` units). */
  private checkTarget(target: number, n: number): void {
    const valueOffset = target + 'target='.length;
    this.setParam(TARGET, target, n);
    // A path rarely holds an `=`: only then is the body cut and searched for the parameter it swallowed. The
    // path alone is read for it, 4 bytes a read (a search of the text ran on to the next line's first `=`).
    const end = this.base + n;
    const swallowed = unitAt(this.codes, this.view, this.base + valueOffset, end, EQ) < end ? /,\s*([a-z_-]+)=/.exec(this.str.body.slice(valueOffset)) : null;
    if (swallowed && namedKeys.includes(swallowed[1] as string)) {
      this.report(target, n, 'error', 'xl/disk-spec', `\`target=\` must come last: everything after it, including \`${swallowed[1] as string}=\`, becomes part of the path.`);
    }
  }

  /**
   * Reads any other item starting at `a` (blanks skipped), given the parameter named by its `name=` or -1,
   * and returns where it ends. Items before the first positional one are checked as they are read, in the
   * order of the spec; from that one on they are kept, to be checked once the number of positional items is
   * known.
   */
  private readItem(a: number, n: number, named: number): number {
    const codes = this.codes;
    const base = this.base;
    let kind = POSITIONAL;
    let eq = -1;
    let end = a;
    if (named >= 0) {
      kind = named;
      eq = a + namedKeyTable.lengthOf(named);
      end = eq + 1;
      while (end < n && codes[base + end] !== COMMA) end++;
    } else {
      for (; end < n; end++) {
        const c = codes[base + end];
        if (c === COMMA) break;
        if (c === EQ && eq < 0) eq = end;
      }
    }
    let b = end;
    while (b > a && isBlank(codes[base + b - 1] as number)) b--;
    if (named < 0) {
      if (eq >= b) eq = -1;
      if (eq >= 0) {
        const param = namedKeyTable.find(codes, base + a, eq - a);
        kind = param >= 0 ? param : UNKNOWN_KEY;
      } else {
        const flag = flagTable.find(codes, base + a, b - a);
        if (flag >= 0) kind = FLAG_BASE + (flag === NO_DISCARD_FLAG ? DISCARD_FLAG : flag);
      }
    }
    if (kind === POSITIONAL) this.positionalCount++;
    if (this.count === 0 && kind !== POSITIONAL) this.checkKeyed(a, b, eq, kind);
    else {
      const count = this.count++;
      if (this.count * 4 > kept.length) {
        const grown = new Int32Array(kept.length * 2);
        grown.set(kept);
        kept = grown;
      }
      const at = count * 4;
      kept[at] = a;
      kept[at + 1] = b;
      kept[at + 2] = eq;
      kept[at + 3] = kind;
    }
    return end;
  }

  private report(offset: number, end: number, severity: Finding['severity'], code: string, message: string, fixes?: Finding['fixes']): void {
    const range = specRange(this.str, offset, end - offset);
    this.out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  /** Marks the parameter as given, reporting it when it already was. */
  private setParam(param: number, offset: number, end: number): void {
    const bit = 1 << param;
    if (this.seen & bit) this.reportTwice(param, offset, end);
    else this.seen |= bit;
  }

  private reportTwice(param: number, offset: number, end: number): void {
    const name = param < FLAG_BASE ? (namedKeys[param] as string) : (flags[param - FLAG_BASE] as string);
    this.report(offset, end, 'error', 'xl/disk-spec', `\`${name}\` is given twice in this disk spec.`);
  }

  /** The rules of an item that is not positional: a named parameter, an unknown `key=`, or a flag. */
  private checkKeyed(a: number, b: number, eq: number, kind: number): void {
    if (kind === UNKNOWN_KEY) {
      const key = this.str.body.slice(a, eq);
      const suggestion = suggestName(key, namedKeys);
      this.report(a, b, 'error', 'xl/disk-spec', `\`${key}=\` is not a disk parameter.`, suggestion ? [replaceFix(`Rename to \`${suggestion}\``, specRange(this.str, a, key.length), suggestion, true)] : []);
    } else if (eq >= 0) {
      this.setParam(kind, a, b);
      this.checkAllowed(kind, a, eq + 1, b);
    } else {
      this.setParam(kind, a, b);
    }
  }

  private checkAllowed(param: number, offset: number, valueOffset: number, end: number): void {
    const table = allowedTable(param);
    if (!table || valueOffset === end || table.find(this.codes, this.base + valueOffset, end - valueOffset) >= 0) return;
    const values = allowedValues(param) as readonly string[];
    const value = this.str.body.slice(valueOffset, end);
    const suggestion = suggestName(value, values);
    this.report(offset, end, 'error', 'xl/disk-spec', `\`${value}\` is not a valid disk ${namedKeys[param] as string}: use ${values.map((v) => `\`${v}\``).join(', ')}.`, suggestion ? [replaceFix(`Replace with \`${suggestion}\``, specRange(this.str, valueOffset, value.length), suggestion, true)] : []);
  }
}
