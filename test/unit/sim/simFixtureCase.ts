import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * One byte-exact case of the lab simulator: a JSON header line, then the expected stdout, stderr and
 * optionally a file of the simulated host, each between marker lines (`--- stdout`, `--- stderr`,
 * `--- file <path>`, `--- end`), so trailing spaces and blank lines are kept exactly.
 */
export interface SimFixtureCase {
  name: string;
  /** `edge`, `edge-83` (test/fixtures/sim/scenarios) or a scenario of test/sim/scenarios. */
  scenario: string;
  /** `xe` (default) or a dom0 stand-in: mdadm, xen-cmdline, dracut, secureboot-certs, varstore-ls, varstore-sb-state, uname. */
  tool: string;
  argv: string[];
  /** Calls made first: plain xe args, or `{ tool, argv, exit }` (exit defaults to 0). */
  setup: Array<{ tool: string; argv: string[]; exit: number }>;
  exit: number;
  stdout: string;
  stderr: string;
  file?: { path: string; content: string };
}

interface Header {
  scenario: string;
  tool?: string;
  argv: string[];
  setup?: Array<string[] | { tool: string; argv: string[]; exit?: number }>;
  exit: number;
}

export function parseSimFixtureCase(name: string, text: string): SimFixtureCase {
  const nl = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, nl)) as Header;
  const sections = new Map<string, string>();
  const marker = /^--- (stdout|stderr|file .+|end)$/gm;
  const found = [...text.slice(nl + 1).matchAll(marker)];
  const body = text.slice(nl + 1);
  for (let i = 0; i < found.length - 1; i++) {
    const m = found[i];
    const next = found[i + 1];
    if (!m || !next || m.index === undefined || next.index === undefined) continue;
    sections.set(m[1] ?? '', body.slice(m.index + m[0].length + 1, next.index));
  }
  const fileKey = [...sections.keys()].find((k) => k.startsWith('file '));
  return {
    name,
    scenario: header.scenario,
    tool: header.tool ?? 'xe',
    argv: header.argv,
    setup: (header.setup ?? []).map((s) => (Array.isArray(s) ? { tool: 'xe', argv: s, exit: 0 } : { tool: s.tool, argv: s.argv, exit: s.exit ?? 0 })),
    exit: header.exit,
    stdout: sections.get('stdout') ?? '',
    stderr: sections.get('stderr') ?? '',
    ...(fileKey ? { file: { path: fileKey.slice(5), content: sections.get(fileKey) ?? '' } } : {}),
  };
}

export function loadSimFixtureCases(dir: string): SimFixtureCase[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.case'))
    .sort()
    .map((f) => parseSimFixtureCase(f.slice(0, -5), fs.readFileSync(path.join(dir, f), 'utf8')));
}
