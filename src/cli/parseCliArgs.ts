import type { NestedProfile } from '../core/lint/languageSupport';

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
  readonly nested: NestedProfile;
  /** Forces the language of the files named on the command line (not of files found in folders). */
  readonly language?: string;
  readonly help: boolean;
}

export class UsageError extends Error {}

export const usage = `Usage: xcpng-lint [options] <file-or-folder>...

Lints Xen xl configs, VMware .vmx files, Hyper-V PowerShell scripts, modprobe.d, mdadm.conf and dracut
drop-ins. Folders are searched recursively; the language is detected from the path as VS Code does.

Options:
  --format text|json     output format (default text: path:line:col: severity rule message)
  --nested auto|on|off   run the nested-XCP-ng rules: detect from the file (auto, default), always, never
  --language <id>        treat the named files as this language (xen-xl, vmx, modprobe, powershell, ...)
  -h, --help             show this help

Exit status: 0 no errors, 1 at least one error-severity finding, 2 usage error.`;

function takeValue(argv: readonly string[], index: number, name: string): string {
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const paths: string[] = [];
  let format: CliOptions['format'] = 'text';
  let nested: NestedProfile = 'auto';
  let language: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const taken = takeValue(argv, i, name);
      i++;
      return taken;
    };
    if (name === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not ${v}`);
      format = v;
    } else if (name === '--nested') {
      const v = value();
      if (v !== 'auto' && v !== 'on' && v !== 'off') throw new UsageError(`--nested must be auto, on or off, not ${v}`);
      nested = v;
    } else if (name === '--language') {
      language = value();
    } else if (name === '-h' || name === '--help') {
      help = true;
    } else if (name === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    } else if (name.startsWith('-') && name !== '-') {
      throw new UsageError(`unknown option ${name}`);
    } else {
      paths.push(arg);
    }
  }
  if (!help && paths.length === 0) throw new UsageError('no file or folder given');
  return { paths, format, nested, help, ...(language !== undefined ? { language } : {}) };
}
