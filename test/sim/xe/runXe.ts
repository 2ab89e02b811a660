import type { SimState, XeClass } from '../state/simState';
import type { SimPaths } from '../state/simPaths';
import { flavourOf, XE_CLASSES } from '../state/simState';
import type { StateStore } from '../state/stateStore';
import { renderApiError } from './apiErrorDocs';
import { ViewContext } from './fieldValue';
import { hostDisable, hostEnable, hostEvacuate, hostReboot, hostShutdown } from './hostOperations';
import { listCommand } from './listCommand';
import { hostServerCertificateInstall } from './serverCertificate';
import { srCreate } from './srCreate';
import { paramAdd, paramClear, paramGet, paramList, paramRemove, paramSet } from './paramCommands';
import { vmMigrate, vmReboot, vmResume, vmShutdown, vmStart, vmSuspend } from './vmOperations';
import { usageError, XeFailureError } from './xeFailure';
import { parseXeArgv, type XeParams } from './xeParams';
import type { XeRun } from './xeRun';

export interface XeResult {
  stdout: string;
  stderr: string;
  code: number;
}

interface CommandDef {
  required: string[];
  mutates: boolean;
  run: (run: XeRun, paths: SimPaths) => void;
}

function commandTable(): Map<string, CommandDef> {
  const table = new Map<string, CommandDef>();
  const perClass = (cls: XeClass): void => {
    table.set(`${cls}-list`, { required: [], mutates: false, run: (r) => listCommand(r, cls) });
    table.set(`${cls}-param-list`, { required: ['uuid'], mutates: false, run: (r) => paramList(r, cls) });
    table.set(`${cls}-param-get`, { required: ['uuid', 'param-name'], mutates: false, run: (r) => paramGet(r, cls) });
    table.set(`${cls}-param-set`, { required: ['uuid'], mutates: true, run: (r) => paramSet(r, cls) });
    table.set(`${cls}-param-remove`, { required: ['uuid', 'param-name', 'param-key'], mutates: true, run: (r) => paramRemove(r, cls) });
    table.set(`${cls}-param-add`, { required: ['uuid', 'param-name'], mutates: true, run: (r) => paramAdd(r, cls) });
    table.set(`${cls}-param-clear`, { required: ['uuid', 'param-name'], mutates: true, run: (r) => paramClear(r, cls) });
  };
  XE_CLASSES.forEach(perClass);
  const op = (name: string, run: (r: XeRun) => void): void => {
    table.set(name, { required: [], mutates: true, run });
  };
  op('vm-start', vmStart);
  op('vm-shutdown', vmShutdown);
  op('vm-reboot', vmReboot);
  op('vm-suspend', vmSuspend);
  op('vm-resume', vmResume);
  op('vm-migrate', vmMigrate);
  op('host-disable', hostDisable);
  op('host-enable', hostEnable);
  op('host-evacuate', hostEvacuate);
  op('host-reboot', hostReboot);
  op('host-shutdown', hostShutdown);
  table.set('sr-create', { required: ['name-label', 'type'], mutates: true, run: srCreate });
  table.set('host-server-certificate-install', { required: ['certificate', 'private-key'], mutates: true, run: hostServerCertificateInstall });
  return table;
}

const COMMANDS = commandTable();

/** What plain `xe` prints (to stderr, exit 0). */
const CLIENT_USAGE = `Usage: xe <cmd> [-s server] [-p port] ([-u username] [-pw password] or [-pwf <password file>]) <other arguments>

A full list of commands can be obtained by running 
	xe help -s <server> -p <port>
`;

function renderFailure(f: XeFailureError, state: SimState | undefined): string {
  const failure = f.failure;
  switch (failure.form) {
    case 'api': return renderApiError(failure.code, failure.params, state ? flavourOf(state) : '8.3');
    case 'code': return `Error code: ${failure.code}\nError parameters: ${failure.params.join(', ')}\n`;
    case 'cli': return `Error: ${failure.message}\n`;
    case 'usage': return `${failure.message}\nFor usage run: 'xe help'\n`;
    case 'client': return `${failure.message}\n`;
  }
}

function execute(def: CommandDef, state: SimState, params: XeParams, paths: SimPaths): XeRun {
  const ctx = new ViewContext(state);
  const run: XeRun = { ctx, params, minimal: false, stdout: [], printedMinimal: false, exitCode: 0 };
  run.minimal = params.bool('minimal', ctx.flavour);
  def.run(run, paths);
  return run;
}

/** One `xe` invocation against the simulated pool: argv exactly as the process got it. */
export function runXe(argv: readonly string[], store: StateStore): XeResult {
  const { command, params } = parseXeArgv(argv);
  if (command === undefined) return { stdout: '', stderr: CLIENT_USAGE, code: 0 };
  let state: SimState | undefined;
  let stdout: string[] = [];
  try {
    const def = COMMANDS.get(command);
    if (!def) throw usageError(`Unknown command: ${command}`);
    for (const p of def.required) if (!params.has(p)) throw usageError(`Required parameter not found: ${p}`);
    const go = (s: SimState): XeRun => {
      state = s;
      const run = execute(def, s, params, store.paths);
      stdout = run.stdout;
      return run;
    };
    const run = def.mutates ? store.mutate(go) : go(store.read());
    // A command that prints nothing still prints one "\n" in minimal mode (minimal_flush).
    if (run.minimal && !run.printedMinimal) stdout = ['\n'];
    return { stdout: stdout.join(''), stderr: '', code: run.exitCode };
  } catch (e) {
    if (!(e instanceof XeFailureError)) throw e;
    return { stdout: stdout.join(''), stderr: renderFailure(e, state), code: 1 };
  }
}
