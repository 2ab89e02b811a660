import { hostDisable, hostEvacuate, hostReboot } from '../../xe/hostCommands';
import type { LabSnapshot } from '../../lab/labModel';
import { safeHostPower } from '../safeHostPower';
import type { RunbookStep, StepContext } from '../runbook/runbook';

/**
 * The actions issue's safe reboot (disable, evacuate, reboot; the master last) offered as a guide step.
 * `needed` says which hosts still need it; `applied` verifies the reboot took effect.
 */
export function safeRebootStep(options: {
  why: string;
  hosts: (snapshot: LabSnapshot) => readonly string[];
  applied: (ctx: StepContext, snapshot: LabSnapshot) => string | undefined | Promise<string | undefined>;
}): RunbookStep {
  return {
    id: 'reboot',
    title: 'Reboot the host safely',
    why: options.why,
    optional: true,
    // The commands as the script prints them; running goes through safeHostPower, which asks its own questions.
    commands: (snapshot) => options.hosts(snapshot).flatMap((h) => [hostDisable(h).argv, hostEvacuate(h).argv, hostReboot(h).argv]),
    confirm: (snapshot) => {
      const names = options.hosts(snapshot).map((h) => snapshot.hosts.find((x) => x.uuid === h)?.name ?? h);
      return { message: `Reboot ${names.join(', ')} now?`, detail: `${options.why}\n\nThe host is disabled and its VMs moved first.`, action: 'Reboot Safely' };
    },
    run: async (ctx) => {
      const snapshot = ctx.monitor.snapshot;
      if (!snapshot) return;
      const hosts = [...options.hosts(snapshot)];
      // Members first, the master last: the guide's order, so the pool keeps its coordinator longest.
      hosts.sort((a, b) => Number(snapshot.hosts.find((h) => h.uuid === a)?.isMaster) - Number(snapshot.hosts.find((h) => h.uuid === b)?.isMaster));
      for (const host of hosts) await safeHostPower({ ...ctx, progress: ctx.progress }, host, 'reboot');
    },
    verify: options.applied,
  };
}
