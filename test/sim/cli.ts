/**
 * Command line of the lab simulator (`node out/test/sim/cli.js <command>`), for the demo and for people
 * who want a simulated pool to point the extension at. See test/sim/README.md.
 */
import * as fs from 'node:fs';
import { prepareSimDir } from './prepareSimDir';
import { infoFile, isAlive, serverFor, startSim, stopPid, type SimInfo } from './simServer';
import { listScenarios } from './state/loadScenario';
import { simPaths } from './state/simPaths';

const USAGE = `usage: node out/test/sim/cli.js <command> [options]
  start [--scenario small-lab] [--dir D] [--password P] [--delay MS] [--json]
        start sshd in front of a fresh copy of the scenario, in the background
  stop --dir D          stop the server recorded in D (only its own pid)
  reset --dir D [--scenario S]
                        put the scenario's state and files back (the server keeps running)
  state --dir D         print the current state (JSON)
  log --dir D           print the argv log (one JSON array per call)
  scenarios             list the scenarios
`;

function parseOptions(args: string[]): Map<string, string> {
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const name = a.slice(2);
    if (name === 'json') opts.set(name, 'true');
    else {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      opts.set(name, v);
    }
  }
  return opts;
}

function readInfo(dir: string | undefined): SimInfo {
  if (!dir) throw new Error('--dir is required');
  const file = infoFile(dir);
  if (!fs.existsSync(file)) throw new Error(`no simulator was started in ${dir}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SimInfo;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const opts = parseOptions(rest);
  const dir = opts.get('dir');
  switch (command) {
    case 'start': {
      if (dir && fs.existsSync(infoFile(dir)) && isAlive(readInfo(dir).pid)) throw new Error(`a simulator is already running in ${dir}; stop it first`);
      const delay = opts.get('delay');
      const server = await startSim({
        scenario: opts.get('scenario') ?? 'small-lab',
        ...(dir ? { dir } : {}),
        ...(opts.has('password') ? { password: opts.get('password') } : {}),
        ...(delay !== undefined ? { delayMs: Number(delay) } : {}),
      });
      const json = { host: server.host, port: server.port, user: server.user, key: server.privateKeyPath, fingerprint: server.hostKeyFingerprint, dir: server.dir, hostKeyLine: server.hostKeyLine, pid: readInfo(server.dir).pid };
      if (!opts.has('json')) {
        for (const k of ['host', 'port', 'user', 'key', 'fingerprint', 'dir'] as const) process.stdout.write(`${k}: ${json[k]}\n`);
      }
      process.stdout.write(JSON.stringify(json) + '\n');
      return;
    }
    case 'stop':
      await stopPid(readInfo(dir).pid);
      return;
    case 'reset': {
      const info = readInfo(dir);
      prepareSimDir(info.dir, opts.get('scenario') ?? info.scenario);
      return;
    }
    case 'state':
      process.stdout.write(JSON.stringify(serverFor(readInfo(dir), undefined).readState(), null, 2) + '\n');
      return;
    case 'log':
      process.stdout.write(fs.existsSync(simPaths(readInfo(dir).dir).argvLogFile) ? fs.readFileSync(simPaths(readInfo(dir).dir).argvLogFile, 'utf8') : '');
      return;
    case 'scenarios':
      process.stdout.write(listScenarios().join('\n') + '\n');
      return;
    default:
      process.stderr.write(USAGE);
      process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`lab simulator: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
