import assert from 'node:assert/strict';
import { PoolMonitor } from '../../../src/core/lab/poolMonitor';
import { resolveInventory } from '../../../src/core/lab/resolveInventory';
import type { SshConnection } from '../../../src/core/ssh/sshConnection';
import { startSim, type SimServer } from '../../sim/simServer';
import type { ConnectionSetup } from '../ssh/connectionSetup';
import { ScriptedPrompts } from '../ssh/scriptedPrompts';

export interface SimPoolOverSsh {
  readonly sim: SimServer;
  readonly connection: SshConnection;
  readonly monitor: PoolMonitor;
}

/** A fresh small-lab simulator, its host key trusted, reached by ssh2 as a configured pool, read once. */
export async function openSimPool(setup: ConnectionSetup, name: string): Promise<SimPoolOverSsh> {
  const sim = await startSim({ scenario: 'small-lab' });
  await setup.trust(sim.host, sim.port, Buffer.from(sim.hostKeyLine.split(' ')[1] ?? '', 'base64'));
  const { targets } = resolveInventory({
    settings: [{ name, host: sim.host, port: sim.port, user: sim.user, identityFile: sim.privateKeyPath }],
    homeDir: setup.dir,
    localUser: 'tester',
  });
  const target = targets[0];
  assert.ok(target);
  const connection = setup.connect(target, new ScriptedPrompts());
  const monitor = new PoolMonitor(target, () => connection);
  await monitor.refresh();
  return { sim, connection, monitor };
}
