import { quoteArgv } from '../ssh/quoteArgv';
import type { XeClass } from '../xe/paramCommands';
import { parseXeError } from '../xe/parseXeError';
import { parseXeRecords, type XeRecord } from '../xe/parseXeRecords';
import type { XeError } from '../xe/xeError';
import { XeParseError, type XeParseOptions } from '../xe/xeParseError';

/** One `xe <class>-list` call of the snapshot batch. */
interface SnapshotSection {
  readonly cls: XeClass;
  readonly filters: readonly string[];
  /** Fields read by name afterwards (buildSnapshot); their order here does not matter to xe (§3). */
  readonly params: readonly string[];
}

/** The sections of one snapshot, in the order the script runs them. */
export const SNAPSHOT_SECTIONS = {
  pool: {
    cls: 'pool',
    filters: [],
    params: ['uuid', 'name-label', 'name-description', 'master', 'default-SR', 'other-config', 'ha-enabled', 'tags'],
  },
  host: {
    cls: 'host',
    filters: [],
    params: [
      'uuid', 'name-label', 'name-description', 'enabled', 'software-version', 'other-config', 'hostname',
      'address', 'memory-total', 'memory-free', 'tags', 'control-domain-uuid',
    ],
  },
  vm: {
    cls: 'vm',
    // vm-list already hides templates, and snapshots are templates (§6); both filters say what we mean.
    // Control domains are included and split off by is-control-domain.
    filters: ['is-a-template=false', 'is-a-snapshot=false'],
    params: [
      'uuid', 'name-label', 'name-description', 'is-control-domain', 'power-state', 'memory-actual',
      'memory-static-max', 'memory-dynamic-max', 'memory-dynamic-min', 'memory-static-min', 'VCPUs-max',
      'VCPUs-at-startup', 'platform', 'allowed-operations', 'current-operations', 'domain-type',
      'HVM-boot-params', 'resident-on', 'affinity', 'other-config', 'VCPUs-number', 'os-version', 'networks', 'tags',
    ],
  },
  vif: {
    cls: 'vif',
    filters: [],
    params: ['uuid', 'vm-uuid', 'device', 'MAC', 'MTU', 'currently-attached', 'other-config', 'network-uuid'],
  },
  network: {
    cls: 'network',
    filters: [],
    params: ['uuid', 'name-label', 'name-description', 'VIF-uuids', 'PIF-uuids', 'MTU', 'bridge', 'other-config', 'tags'],
  },
  pif: {
    cls: 'pif',
    filters: [],
    params: [
      'uuid', 'device', 'MAC', 'physical', 'currently-attached', 'MTU', 'VLAN', 'management', 'network-uuid',
      'host-uuid', 'IP-configuration-mode', 'IP',
    ],
  },
  sr: {
    cls: 'sr',
    filters: [],
    params: [
      'uuid', 'name-label', 'name-description', 'host', 'virtual-allocation', 'physical-utilisation',
      'physical-size', 'type', 'content-type', 'shared', 'tags',
    ],
  },
} as const satisfies Record<string, SnapshotSection>;

export type SnapshotSectionName = keyof typeof SNAPSHOT_SECTIONS;
export type SnapshotRecords = Record<SnapshotSectionName, XeRecord[]>;

const SECTION_NAMES = Object.keys(SNAPSHOT_SECTIONS) as SnapshotSectionName[];

/** The argv xe would get for one section, for messages and logs. */
export function sectionArgv(name: SnapshotSectionName): string[] {
  const s: SnapshotSection = SNAPSHOT_SECTIONS[name];
  return ['xe', `${s.cls}-list`, ...s.filters, `params=${s.params.join(',')}`];
}

/** Each section's call as the script's functions take it: the section name, then xe's arguments. */
const SECTION_CALLS = SECTION_NAMES.map((name) => [name, ...sectionArgv(name).slice(1)]);

/**
 * The batch, a fixed POSIX sh script: no user data is ever spliced into it, and its words go through
 * quoteArgv. `$1` is a random nonce chosen per refresh; every marker line starts with it, so no value printed
 * by xe (a VM description set through the API may hold newlines) can forge a marker. Per section it prints
 *   <nonce> begin <section>\n<xe stdout, untouched>\n<nonce> end <section> <exit>\n<xe stderr>\n<nonce> done <section>\n
 * `q` frames one call: xe's stdout goes straight through (fd 3) while its stderr is captured, so the two never
 * interleave.
 *
 * The calls run at once, so a refresh waits for the slowest call instead of the sum of them: each runs in the
 * background (`b`) and frames its section into its own file of a private `mktemp -d` directory; after `wait`,
 * one `cat` prints the files in the fixed section order, byte for byte what running them one by one prints.
 * The traps remove the directory on exit and, on a signal (the channel being stopped), stop the jobs first; an
 * xe listing already started inside a stopped job ends on its own, it only reads. Where no temporary
 * directory can be made (a full /tmp on dom0) the calls run one by one, straight to stdout, as before.
 */
export const SNAPSHOT_SCRIPT = [
  'n=$1',
  `command -v xe >/dev/null 2>&1 || { printf '%s xe-missing\\n' "$n"; exit 127; }`,
  'q() { ' +
    [
      's=$1',
      'shift',
      `printf '%s begin %s\\n' "$n" "$s"`,
      'e=$(xe "$@" 2>&1 >&3 3>&-)',
      'r=$?',
      `printf '\\n%s end %s %s\\n%s\\n%s done %s\\n' "$n" "$s" "$r" "$e" "$n" "$s"`,
    ].join('; ') +
    '; }',
  'b() { q "$@" >"$d/$1" 3>&1; }',
  'k() { kill $p 2>/dev/null; exit "$1"; }',
  'if d=$(mktemp -d 2>/dev/null); then ' +
    [
      `trap 'rm -rf "$d"' EXIT`,
      `trap 'k 129' HUP`,
      `trap 'k 130' INT`,
      `trap 'k 143' TERM`,
      'p=',
      // `&` already ends a command: a ';' after it would be a syntax error.
      ...SECTION_CALLS.map((call) => `${quoteArgv(['b', ...call])} & p="$p $!"`),
      'wait',
      `cd "$d" && ${quoteArgv(['cat', ...SECTION_NAMES])}`,
    ].join('; ') +
    '; else ' +
    ['exec 3>&1', ...SECTION_CALLS.map((call) => quoteArgv(['q', ...call]))].join('; ') +
    '; fi',
  // One line: the argv travels through quoteArgv, which refuses newlines in any argument.
].join('; ');

/** argv for the one exec of a refresh; `$0` names the script in the host's process list and error messages. */
export function snapshotArgv(nonce: string): string[] {
  if (!/^[A-Za-z0-9]{8,}$/.test(nonce)) {
    throw new RangeError('the snapshot nonce must be 8+ letters or digits');
  }
  return ['sh', '-c', SNAPSHOT_SCRIPT, 'xcpng-lab-snapshot', nonce];
}

/** One sub-call of the snapshot batch failed; `cause` is the XeError it printed. */
export class SnapshotSectionError extends Error {
  constructor(
    readonly section: SnapshotSectionName,
    override readonly cause: XeError,
  ) {
    super(`${sectionArgv(section).slice(0, 2).join(' ')} failed: ${cause.message}`, { cause });
    this.name = 'SnapshotSectionError';
  }
}

/**
 * Splits the batch's stdout back into sections and parses each one's records. Throws the XeError for xe
 * missing on the host, a {@link SnapshotSectionError} for the first failed sub-call, and an XeParseError when
 * the framing itself is broken (output cut short, a section missing).
 */
export function parseSnapshotOutput(stdout: string, nonce: string, options: XeParseOptions = {}): SnapshotRecords {
  if (stdout.startsWith(`${nonce} xe-missing\n`)) {
    throw parseXeError('', 127);
  }
  const records = {} as SnapshotRecords;
  let pos = 0;
  for (const name of SECTION_NAMES) {
    const begin = `${nonce} begin ${name}\n`;
    if (!stdout.startsWith(begin, pos)) {
      throw new XeParseError(`snapshot output has no "${name}" section where expected`, lineAt(stdout, pos), '');
    }
    const bodyStart = pos + begin.length;
    const endMarker = `\n${nonce} end ${name} `;
    const bodyEnd = stdout.indexOf(endMarker, bodyStart);
    if (bodyEnd < 0) {
      throw new XeParseError(`snapshot output stops inside the "${name}" section`, lineAt(stdout, bodyStart), '');
    }
    const statusEnd = stdout.indexOf('\n', bodyEnd + endMarker.length);
    const doneMarker = `\n${nonce} done ${name}\n`;
    const stderrEnd = statusEnd < 0 ? -1 : stdout.indexOf(doneMarker, statusEnd);
    if (stderrEnd < 0) {
      throw new XeParseError(`snapshot output stops after the "${name}" section`, lineAt(stdout, bodyEnd), '');
    }
    const status = stdout.slice(bodyEnd + endMarker.length, statusEnd);
    const stderr = stdout.slice(statusEnd + 1, stderrEnd);
    const body = stdout.slice(bodyStart, bodyEnd);
    if (status !== '0') {
      const code = /^\d+$/.test(status) ? Number(status) : 1;
      throw new SnapshotSectionError(name, parseXeError(stderr, code, { argv: sectionArgv(name) }));
    }
    // Problems are reported with lines numbered in the whole output, where a log reader can find them.
    const toOutputLine = (line: number): number => line + lineAt(stdout, bodyStart) - 1;
    try {
      records[name] = parseXeRecords(body, {
        strict: options.strict,
        onSkip: options.onSkip && ((skip) => options.onSkip?.({ ...skip, line: toOutputLine(skip.line) })),
      });
    } catch (error) {
      if (error instanceof XeParseError && error.line > 0) {
        throw new XeParseError(`${name} section: ${error.reason}`, toOutputLine(error.line), error.text);
      }
      throw error;
    }
    pos = stderrEnd + doneMarker.length;
  }
  if (pos !== stdout.length) {
    const reason = 'unexpected text after the last snapshot section';
    if (options.strict === true) {
      throw new XeParseError(reason, lineAt(stdout, pos), stdout.slice(pos, pos + 200));
    }
    options.onSkip?.({ line: lineAt(stdout, pos), text: stdout.slice(pos, pos + 200), reason });
  }
  return records;
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
}
