import { languageSupports } from '../core/lint/languageSupports';
import { collectFiles } from './collectFiles';
import { formatJson, formatText, type FileFindings } from './formatFindings';
import { lintFile } from './lintFile';
import { parseCliArgs, usage, UsageError, type CliOptions } from './parseCliArgs';

/** Runs the linter and returns the exit status; output goes through the two writers so tests can capture it. */
export function runCli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`xcpng-lint: ${error.message}\n${usage}\n`);
    return 2;
  }
  if (options.help) {
    out(`${usage}\n`);
    return 0;
  }
  if (options.language !== undefined && !languageSupports.has(options.language)) {
    err(`xcpng-lint: unknown language ${options.language} (known: ${[...languageSupports.keys()].join(', ')})\n`);
    return 2;
  }
  const { targets, unknown, missing } = collectFiles(options.paths, options.language);
  if (missing.length > 0) {
    err(missing.map((m) => `xcpng-lint: no such file or folder: ${m}\n`).join(''));
    return 2;
  }
  for (const file of unknown) err(`xcpng-lint: skipped ${file}: no linter for this kind of file (try --language)\n`);
  const results: FileFindings[] = [];
  let failed = false;
  for (const target of targets) {
    const support = languageSupports.get(target.languageId);
    if (!support) continue;
    try {
      const findings = lintFile(support, target.path, options.nested);
      results.push({ path: target.path, languageId: target.languageId, findings });
      if (findings.some((f) => f.severity === 'error')) failed = true;
    } catch (error) {
      err(`xcpng-lint: cannot read ${target.path}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed = true;
    }
  }
  out(options.format === 'json' ? formatJson(results) : formatText(results));
  return failed ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
