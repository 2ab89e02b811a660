import type { EfiVariable, SimRecord } from '../state/simState';
import { fail, ok, type ToolEnv, type ToolResult } from './toolResult';

export const EFI_GLOBAL_VARIABLE = '8be4df61-93ca-11d2-aa0d-00e098032b8c';
export const EFI_IMAGE_SECURITY_DATABASE = 'd719b2cb-3d3a-4596-a3bc-dad00e67656f';

const SB_VARS: EfiVariable[] = [
  { guid: EFI_GLOBAL_VARIABLE, name: 'PK' },
  { guid: EFI_GLOBAL_VARIABLE, name: 'KEK' },
  { guid: EFI_IMAGE_SECURITY_DATABASE, name: 'db' },
  { guid: EFI_IMAGE_SECURITY_DATABASE, name: 'dbx' },
];

function nvramOf(vm: SimRecord): EfiVariable[] {
  return Array.isArray(vm['_nvram']) ? (vm['_nvram'] as EfiVariable[]) : [];
}

function findVm(env: ToolEnv, uuid: string): SimRecord | undefined {
  return env.store.read().vms.find((v) => v.uuid === uuid);
}

/** `varstore-ls <vm-uuid>`: one `<guid> <name>` line per EFI variable of the VM's NVRAM. */
export function varstoreLsTool(env: ToolEnv, args: readonly string[]): ToolResult {
  const usage = `usage: varstore-ls [-h] [depriv options] <vm-uuid>\n\nLists the VM's EFI variables.\n`;
  if (args[0] === '-h') return ok(usage);
  if (args.length !== 1 || args[0] === undefined) return fail('', 1, usage);
  const vm = findVm(env, args[0]);
  if (!vm) return fail('Failed to lookup VM\n');
  return ok(nvramOf(vm).map((v) => `${v.guid} ${v.name}\n`).join(''));
}

/**
 * `varstore-sb-state <vm-uuid> setup|user`: removes PK, KEK, db and dbx (setup mode); `user` then puts
 * back the pool's certificates (user mode).
 */
export function varstoreSbStateTool(env: ToolEnv, args: readonly string[]): ToolResult {
  const usage =
    'usage: varstore-sb-state [-h] [depriv options] <vm-uuid> setup|user\n\n' +
    "If setup is given, clears a VM's EFI variables related to Secure Boot\nand places it into Setup Mode.\n" +
    "If user is given, resets a VM's EFI variables related to Secure Boot\nto the defaults, placing it into User Mode.\n";
  if (args[0] === '-h') return ok(usage);
  const [uuid, mode] = args;
  if (args.length !== 2 || uuid === undefined || (mode !== 'setup' && mode !== 'user')) return fail('', 1, usage);
  return env.store.mutate((state) => {
    const vm = state.vms.find((v) => v.uuid === uuid);
    if (!vm) return fail('Failed to lookup VM\n');
    const kept = nvramOf(vm).filter((v) => !SB_VARS.some((s) => s.guid === v.guid && s.name === v.name));
    if (mode === 'user') {
      const certs = (state.pool['_uefiCerts'] as string[] | undefined) ?? [];
      kept.push(...SB_VARS.filter((s) => s.name === 'PK' || certs.includes(s.name)));
    }
    vm['_nvram'] = kept;
    return ok('Removing PK...\nRemoving KEK...\nRemoving db...\nRemoving dbx...\n');
  });
}
