/**
 * Entry point of the `xe` stand-in (the launcher written into the server's bin dir execs this).
 * Only plain Node built-ins and the simulator's own modules are loaded: every call is a process start.
 */
import { appendArgv } from '../argvLog';
import { simPaths } from '../state/simPaths';
import { sleepMs, StateStore } from '../state/stateStore';
import { runXe } from '../xe/runXe';

function main(): void {
  const dir = process.env['XE_SIM_DIR'];
  if (!dir) {
    process.stderr.write('xe (lab simulator): XE_SIM_DIR is not set; run it through the launcher in the server bin dir\n');
    process.exit(127);
  }
  const paths = simPaths(dir);
  const args = process.argv.slice(2);
  appendArgv(paths.argvLogFile, 'xe', args);
  const store = new StateStore(paths);
  const envDelay = Number(process.env['XE_SIM_DELAY_MS'] ?? '');
  sleepMs(Number.isFinite(envDelay) && envDelay > 0 ? envDelay : store.readDelayMs());
  const result = runXe(args, store);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

main();
