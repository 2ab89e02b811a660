import type { ViewContext } from './fieldValue';
import type { XeParams } from './xeParams';

/** One xe call being executed: the pool view, its parameters, and what it has printed so far. */
export interface XeRun {
  ctx: ViewContext;
  params: XeParams;
  minimal: boolean;
  /** Text for stdout, in order. */
  stdout: string[];
  /** Set when the command produced its own `--minimal` output (lists, param-get). */
  printedMinimal: boolean;
  /** Set by commands that report failures on stdout and still exit 1 (`--multiple`). */
  exitCode: number;
}
