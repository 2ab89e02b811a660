import type { Finding, Fix } from '../finding';
import { insertLineEdit } from '../lineEdits';
import { rangeOf, replaceFix } from '../rangeOf';
import type { SourceLines } from '../sourceLines';
import type { XlStatement } from './xlTree';
import { xlValueRange as valueRange } from './xlValueRange';
import type { XlSettings } from './xlSettings';
import { atomText } from './xlSettings';

function keyRange(s: XlStatement): Finding['range'] {
  return rangeOf(s.line, s.keyStart, s.keyEnd);
}

function setValueFix(s: XlStatement, newText: string, title = `Set \`${s.key} = ${newText}\``): Fix {
  return replaceFix(title, valueRange(s.value), newText, true);
}

/**
 * The rules that tie `nestedhvm` to the rest of the config (config-formats.md §1.3). The ones tagged N in
 * the reference run only when `profile` is true; the others whenever `nestedhvm` is on. `source` cuts the
 * lines, for the fixes that need them.
 */
export function checkXlNested(settings: XlSettings, source: () => SourceLines, profile: boolean, out: Finding[]): void {
  const nestedhvm = settings.number('nestedhvm');
  const nestedOn = nestedhvm !== undefined && nestedhvm !== 0;
  const nestedStatement = settings.last('nestedhvm');
  if (nestedOn && nestedStatement) {
    const hap = settings.last('hap');
    if (!hap) {
      out.push({ range: keyRange(nestedStatement), severity: 'info', code: 'xl/nested-hap-explicit', message: '`hap` is not set: it defaults to 1 only when the CPU has EPT/NPT. The guide sets `hap=1` explicitly.', fixes: [{ title: 'Add `hap = 1`', edits: [insertLineEdit(source(), nestedStatement.line, 'hap = 1')], preferred: true }] });
    } else if (settings.number('hap') === 0) {
      out.push({ range: keyRange(hap), severity: 'error', code: 'xl/nested-hap', message: 'Xen refuses nested HVM without hardware-assisted paging ("Nested virt not supported without HAP"): set `hap = 1`.', fixes: [setValueFix(hap, '1')] });
    }
    const type = settings.last('type');
    const builder = settings.last('builder');
    const guestType = settings.guestType();
    if (type && guestType === 'pv') {
      out.push({ range: valueRange(type.value), severity: 'error', code: 'xl/nested-type', message: 'Nested HVM needs an HVM guest: the guide calls a nested XCP-ng "a pretty standard HVM".', fixes: [setValueFix(type, "'hvm'")] });
    } else if (!type && builder && settings.string('builder') === 'generic') {
      out.push({ range: valueRange(builder.value), severity: 'error', code: 'xl/nested-type', message: '`builder = "generic"` makes a PV guest; nested HVM needs an HVM guest.', fixes: [replaceFix("Use `type = 'hvm'`", { start: keyRange(builder).start, end: valueRange(builder.value).end }, "type = 'hvm'", true)] });
    }
    const altp2m = settings.last('altp2m');
    const altp2mValue = settings.string('altp2m');
    if (altp2m && altp2mValue !== undefined && altp2mValue !== 'disabled') {
      out.push({ range: keyRange(altp2m), severity: 'error', code: 'xl/nested-altp2m', message: 'altp2m cannot be combined with nested HVM: libxl refuses to create the domain.', fixes: [setValueFix(altp2m, "'disabled'")] });
    }
    const altp2mhvm = settings.last('altp2mhvm');
    const altp2mhvmValue = settings.number('altp2mhvm');
    if (altp2mhvm && altp2mhvmValue !== undefined && altp2mhvmValue !== 0) {
      out.push({ range: keyRange(altp2mhvm), severity: 'error', code: 'xl/nested-altp2m', message: 'altp2m cannot be combined with nested HVM: libxl refuses to create the domain.', fixes: [setValueFix(altp2mhvm, '0')] });
    }
  }
  if (!profile) return;
  if (!nestedOn) {
    const name = settings.last('name');
    const range = name ? keyRange(name) : rangeOf(0, 0, (source().lines[0] as string).length);
    const fix: Fix = nestedStatement
      ? setValueFix(nestedStatement, '1')
      : { title: 'Add `nestedhvm = 1`', edits: [name ? insertLineEdit(source(), name.line, 'nestedhvm = 1') : { range: rangeOf(0, 0, 0), newText: `nestedhvm = 1${source().endings.find((e) => e !== '') ?? '\n'}` }], preferred: true };
    out.push({ range, severity: 'warning', code: 'xl/nested-not-enabled', message: 'This guest looks like a nested XCP-ng but `nestedhvm` is not 1: XCP-ng will find no VT-x/AMD-V to run its guests.', fixes: [fix] });
  }
  const floor = (key: string, minimum: number, code: string, message: string): void => {
    const value = settings.number(key);
    const statement = settings.last(key);
    if (value !== undefined && statement && value < minimum) {
      out.push({ range: valueRange(statement.value), severity: 'warning', code, message, fixes: [setValueFix(statement, String(minimum))] });
    }
  };
  floor('memory', 4096, 'xl/nested-memory', 'A nested XCP-ng needs at least 4096 MiB of memory (the guide: 4 GB minimum).');
  floor('vcpus', 2, 'xl/nested-vcpus', 'A nested XCP-ng needs at least 2 vCPUs.');
  const viridian = settings.last('viridian');
  const viridianValue = settings.value('viridian');
  if (viridian && viridianValue) {
    const enabled =
      viridianValue.kind === 'list'
        ? viridianValue.items.some((item) => {
            const text = atomText(item);
            return text !== undefined && !text.startsWith('!');
          })
        : settings.number('viridian') !== undefined && settings.number('viridian') !== 0;
    if (enabled) {
      out.push({ range: valueRange(viridian.value), severity: 'warning', code: 'xl/nested-viridian', message: 'Viridian (Hyper-V) enlightenments can keep the nested Xen from using its own HVM interfaces; the guide sets `viridian=0`.', fixes: [setValueFix(viridian, '0')] });
    }
  }
}
