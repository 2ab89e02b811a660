import type { SimPaths } from '../state/simPaths';
import type { StateStore } from '../state/stateStore';

export interface ToolResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** What a dom0 stand-in gets besides its argv. */
export interface ToolEnv {
  paths: SimPaths;
  store: StateStore;
}

export function ok(stdout = '', stderr = ''): ToolResult {
  return { stdout, stderr, code: 0 };
}

export function fail(stderr: string, code = 1, stdout = ''): ToolResult {
  return { stdout, stderr, code };
}
