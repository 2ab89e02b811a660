/**
 * Which VMs some kind of step reaches, for the script-wide rules: a step names its VM (case-insensitively, as
 * Hyper-V matches names) or names none it can be pinned to (`$vm`, a pipeline), and then it may reach any VM.
 * Built once per script so each rule asks in constant time, not by rescanning every command per VM.
 */
export class VmCoverage {
  private readonly names = new Set<string>();
  private anyVm = false;

  /** Records a step; `vm` is its VM name, or undefined / `unknown` when the script does not say which. */
  add(vm: string | undefined): void {
    if (vm === undefined || vm === 'unknown') this.anyVm = true;
    else this.names.add(vm.toLowerCase());
  }

  covers(vm: string): boolean {
    return this.anyVm || this.names.has(vm.toLowerCase());
  }
}
