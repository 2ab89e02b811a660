import { spawnSync } from 'node:child_process';
import { masterOf } from '../state/simState';
import { dom0Of } from './dom0Of';
import { ok, type ToolEnv, type ToolResult } from './toolResult';

/** `uname -r` and `-n` answer for the simulated dom0 (guides build `/boot/initrd-$(uname -r).img`); anything else is the real uname. */
export function unameTool(env: ToolEnv, args: readonly string[]): ToolResult {
  const state = env.store.read();
  if (args.length === 1 && args[0] === '-r') return ok(`${dom0Of(state).dom0.kernel}\n`);
  if (args.length === 1 && args[0] === '-n') return ok(`${String(masterOf(state)?.['hostname'] ?? '')}\n`);
  const r = spawnSync('/bin/uname', [...args], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 1 };
}
