import { dracutTool } from './dracutTool';
import { mdadmTool } from './mdadmTool';
import { securebootCertsTool } from './securebootCertsTool';
import { fail, type ToolEnv, type ToolResult } from './toolResult';
import { unameTool } from './unameTool';
import { varstoreLsTool, varstoreSbStateTool } from './varstoreTools';
import { xenCmdlineTool } from './xenCmdlineTool';

/** The dom0 commands the simulator answers for, by the name the launcher passes. */
export const DOM0_TOOLS: Record<string, (env: ToolEnv, args: readonly string[]) => ToolResult> = {
  mdadm: mdadmTool,
  'xen-cmdline': xenCmdlineTool,
  dracut: dracutTool,
  'secureboot-certs': securebootCertsTool,
  'varstore-ls': varstoreLsTool,
  'varstore-sb-state': varstoreSbStateTool,
  uname: unameTool,
};

export function runDom0Tool(tool: string, env: ToolEnv, args: readonly string[]): ToolResult {
  const fn = DOM0_TOOLS[tool];
  return fn ? fn(env, args) : fail(`lab simulator: unknown dom0 tool ${tool}\n`, 127);
}
