/**
 * Entry point of the dom0 stand-ins: the launcher passes the tool name first (`dom0.js mdadm --detail ...`).
 * The argv log records `[tool, ...args]`, the args exactly as the tool received them.
 */
import { appendArgv } from '../argvLog';
import { runDom0Tool } from '../dom0/runDom0Tool';
import { simPaths } from '../state/simPaths';
import { StateStore } from '../state/stateStore';

function main(): void {
  const dir = process.env['XE_SIM_DIR'];
  const [tool, ...args] = process.argv.slice(2);
  if (!dir || !tool) {
    process.stderr.write('lab simulator: run the dom0 stand-ins through the launchers in the server bin dir\n');
    process.exit(127);
  }
  const paths = simPaths(dir);
  appendArgv(paths.argvLogFile, tool, args);
  const result = runDom0Tool(tool, { paths, store: new StateStore(paths) }, args);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

main();
