import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LanguageSupport, LintContext, NestedProfile } from '../../../src/core/lint/languageSupport';
import { languageSupports } from '../../../src/core/lint/languageSupports';
import { lintText } from '../../../src/core/lint/lintText';
import { repoRoot } from '../ssh/repoRoot';

/** mulberry32: small, fast, and the same sequence for the same seed, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// Pieces that matter to some lexer: quotes of every kind, escapes, comments, continuations, line ends, BOM, NUL.
const pieces = ['"', "'", '[', ']', ',', ';', '=', '+=', '\\', '#', '<#', '#>', "@'\n", "'@", '@"\n', '$(', '${', '`', '|', '\r', '\n', '\r\n', '\0', '\uFEFF', '\u2013', '\u201C', '\u2019', '\uFFFD', '\uD800', 'x'.repeat(300), '-Name', 'options kvm_amd nested=', 'vif = [', 'ARRAY /dev/md0 UUID=', 'add_dracutmodules+="', 'ethernet0.present = "TRUE"', 'nestedhvm = 1', '0x', '08', '-1'];

describe('fuzz: no analyzer throws on any input', function () {
  this.timeout(120000);
  const seed = Number(process.env.FUZZ_SEED ?? 0x5eed);
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const corpus = allFiles(path.join(repoRoot(), 'test', 'fixtures', 'lint')).map((f) => fs.readFileSync(f).toString('utf8'));
  const supports = [...languageSupports.values()];
  const fileNames = ['/etc/xen/xcp-ng', '/vms/lab/XCP-ng.vmx', '/etc/modprobe.d/kvm.conf', '/etc/modprobe.d/kvm', '/lab/nested.ps1', '/lab/etc/mdadm.conf', '/lab/etc/dracut.conf.d/dracut_mdraid.conf', 'untitled:1'];

  function mutate(text: string): string {
    let out = text;
    for (let edits = 1 + int(8); edits > 0; edits--) {
      const at = int(out.length + 1);
      switch (int(6)) {
        case 0: out = out.slice(0, at) + pick(pieces) + out.slice(at); break;
        case 1: out = out.slice(0, at) + out.slice(at + 1 + int(20)); break;
        case 2: out = out.slice(0, at) + String.fromCharCode(int(0x10000)) + out.slice(at + 1); break;
        case 3: out = out.slice(0, at); break;
        case 4: out = out.replace(/\n/g, '\r\n'); break;
        default: out = out.slice(0, at) + out.slice(int(out.length)) + out.slice(at); break;
      }
    }
    return out;
  }

  function randomDocument(index: number): string {
    return randomDocumentOf(index).slice(0, 8192);
  }

  function randomDocumentOf(index: number): string {
    switch (index % 5) {
      case 0: return Buffer.from(Array.from({ length: int(2048) }, () => int(256))).toString('utf8');
      case 1: return `\uFEFF${mutate(pick(corpus))}`;
      case 2: return Array.from({ length: int(60) }, () => pick(pieces)).join(int(2) ? '' : ' ');
      default: return mutate(pick(corpus));
    }
  }

  function context(): LintContext {
    const siblings = new Map<string, string>();
    for (let i = int(3); i > 0; i--) siblings.set(pick(['/lab/etc/mdadm.conf', '/lab/etc/mdadm/mdadm.conf', '/lab/proc/mdstat', '/vms/lab/XCP-ng.vmdk']), mutate(pick(corpus)));
    return { fileName: pick(fileNames), nested: pick<NestedProfile>(['auto', 'on', 'off']), siblings, hasBom: int(4) === 0 };
  }

  function exercise(support: LanguageSupport, text: string, index: number, providers = index % 10 === 0): void {
    const ctx = context();
    try {
      const findings = lintText(support, text, ctx);
      for (const f of findings) {
        assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0 && f.range.end.line >= f.range.start.line, `${f.code} has a valid range`);
      }
      support.siblingPaths?.(ctx.fileName, text);
      if (providers) {
        const lines = text.split(/\r\n|\r|\n/);
        const line = int(lines.length);
        const position = { line, character: int((lines[line]?.length ?? 0) + 1) };
        support.hover?.(text, position);
        support.complete?.(text, position);
        support.symbols?.(text);
      }
    } catch (error) {
      assert.fail(`${support.languageId} threw on document #${index} (FUZZ_SEED=${seed}): ${error instanceof Error ? error.stack : String(error)}\n--- document ---\n${JSON.stringify(text.slice(0, 2000))}`);
    }
  }

  it('10,000 random and mutated documents through every analyzer', () => {
    for (let index = 0; index < 10000; index++) {
      const text = randomDocument(index);
      for (const support of supports) exercise(support, text, index);
    }
  });

  it('a 5 MB line, 100,000 lines, a NUL-filled file and a BOM alone', () => {
    const documents = [
      `name = '${'x'.repeat(5 * 1024 * 1024)}'\n`,
      // 100,000 lines: a real config followed by comment and blank lines (a flood of findings would only measure allocation).
      `${pick(corpus)}\n${'# filler line\n\n'.repeat(50000)}`,
      '\0'.repeat(65536),
      '\uFEFF',
      '',
      '\r'.repeat(1000),
    ];
    documents.forEach((text, index) => {
      for (const support of supports) exercise(support, text, index, text.length < 100000);
    });
  });

  it('a flood: 150,000 lines that each draw a finding, in every language, are all reported', () => {
    // More findings than a call can take as spread arguments, and one misspelling repeated: both once broke or
    // stalled an analyzer.
    const floods: Record<string, [fileName: string, line: string]> = {
      'xen-xl': ['/etc/xen/xcp-ng', 'nested_hvm = 1'],
      vmx: ['/vms/lab/XCP-ng.vmx', 'vhv.enable = TRUE'],
      modprobe: ['/etc/modprobe.d/kvm.conf', 'optionz kvm_intel nested=1'],
      powershell: ['/lab/nested.ps1', "Set-VMProcessor -VMName 'XCP-ng' -ExposeVirtualizationExtensions $true"],
      'mdadm-conf': ['/lab/etc/mdadm.conf', 'ARRAYY /dev/md0 UUID=0a1b2c3d:4e5f6a7b:8c9d0e1f:2a3b4c5d'],
      'dracut-conf': ['/lab/etc/dracut.conf.d/dracut_mdraid.conf', 'add_drivers+="raid1"'],
    };
    const lines = 150000;
    for (const support of supports) {
      const flood = floods[support.languageId];
      assert.ok(flood !== undefined, `a flood line for ${support.languageId}`);
      const [fileName, line] = flood;
      const findings = lintText(support, `${line}\n`.repeat(lines), { fileName, nested: 'on' });
      assert.ok(findings.length >= lines, `${support.languageId}: ${findings.length} findings for ${lines} bad lines`);
    }
  });
});
