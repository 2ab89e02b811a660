import type { LabSnapshot } from '../../lab/labModel';
import { paramSet } from '../../xe/paramCommands';
import { setPoolAutoPowerOn, setVmAutoPowerOn } from '../autoPowerOn';
import type { Runbook } from '../runbook/runbook';
import { findVm } from './findTarget';

/** Auto power on: the pool flag and the VM flag, each verified (reuses the actions issue's operations). */
export function autoPowerOnGuide(snapshot: LabSnapshot, vmUuid: string): Runbook {
  const vm = findVm(snapshot, vmUuid);
  return {
    guideId: 'autoPowerOn',
    title: 'Auto power on',
    targetKind: 'vm',
    targetUuid: vmUuid,
    targetName: vm.name,
    steps: [
      {
        id: 'pool',
        title: 'Turn auto power on on for the pool',
        why: 'A VM only starts at boot when both the pool and the VM have other-config:auto_poweron=true.',
        commands: (s) => (s.pool.autoPowerOn ? [] : [paramSet('pool', s.pool.uuid, [{ field: 'other-config', key: 'auto_poweron', value: 'true' }]).argv]),
        run: (ctx) => setPoolAutoPowerOn(ctx.exec, ctx.monitor),
        verify: (_ctx, s) => (s.pool.autoPowerOn ? undefined : 'the pool has auto power on off'),
      },
      {
        id: 'vm',
        title: 'Turn auto power on on for the VM',
        commands: (s) => (findVm(s, vmUuid).autoPowerOn ? [] : [paramSet('vm', vmUuid, [{ field: 'other-config', key: 'auto_poweron', value: 'true' }]).argv]),
        run: async (ctx) => {
          await setVmAutoPowerOn(ctx.exec, ctx.monitor, vmUuid, true);
        },
        verify: (_ctx, s) => (findVm(s, vmUuid).autoPowerOn ? undefined : 'the VM has auto power on off'),
      },
    ],
  };
}
