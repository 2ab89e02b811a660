import { dom0Of } from './dom0Of';
import { syncHostFiles } from './hostFiles';
import { fail, ok, type ToolEnv, type ToolResult } from './toolResult';

const USAGE = `Usage: xen-cmdline --get-xen key ... | --set-xen key=value ... | --delete-xen key ...
       xen-cmdline --get-dom0 key ... | --set-dom0 key=value ... | --delete-dom0 key ...
`;

function keyOf(param: string): string {
  const eq = param.indexOf('=');
  return eq < 0 ? param : param.slice(0, eq);
}

function words(cmdline: string): string[] {
  return cmdline.split(/\s+/).filter((w) => w !== '');
}

/** Replaces the parameter with the same key in place, or appends it. */
function setParams(cmdline: string, params: readonly string[]): string {
  const out = words(cmdline);
  for (const p of params) {
    const i = out.findIndex((w) => keyOf(w) === keyOf(p));
    if (i >= 0) out[i] = p;
    else out.push(p);
  }
  return out.join(' ');
}

/**
 * /opt/xensource/libexec/xen-cmdline: reads and edits the Xen and dom0 command lines in the bootloader
 * config. `--get-xen k` prints `k=v` (nothing when absent); changes apply at the next host reboot.
 */
export function xenCmdlineTool(env: ToolEnv, args: readonly string[]): ToolResult {
  const [mode, ...rest] = args;
  const target = mode?.endsWith('-xen') ? 'xen' : mode?.endsWith('-dom0') ? 'dom0' : undefined;
  if (!mode || !target || !['--get', '--set', '--delete'].includes(mode.replace(/-(xen|dom0)$/, ''))) return fail(USAGE);
  const read = (d: { xenCmdline: string; dom0Cmdline: string }): string => (target === 'xen' ? d.xenCmdline : d.dom0Cmdline);
  if (mode.startsWith('--get')) {
    const { dom0 } = dom0Of(env.store.read());
    const found = words(read(dom0)).filter((w) => rest.includes(keyOf(w)));
    return ok(found.length > 0 ? found.join(' ') + '\n' : '');
  }
  return env.store.mutate((state) => {
    const { dom0 } = dom0Of(state);
    const next = mode.startsWith('--set') ? setParams(read(dom0), rest) : words(read(dom0)).filter((w) => !rest.includes(keyOf(w))).join(' ');
    if (target === 'xen') dom0.xenCmdline = next;
    else dom0.dom0Cmdline = next;
    syncHostFiles(env.paths, dom0);
    return ok();
  });
}
