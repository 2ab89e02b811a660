import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CommandLogEntry } from '../../../src/core/ssh/commandLogEntry';
import { SshConnection, type SshConnectionOptions } from '../../../src/core/ssh/sshConnection';
import type { SshPrompts } from '../../../src/core/ssh/sshPrompts';
import type { SshTarget } from '../../../src/core/ssh/sshTarget';
import { TrustStore } from '../../../src/core/ssh/trustStore';
import { CollectingLog } from './collectingLog';
import { generateEd25519 } from './generateEd25519';
import { MemorySecretStore } from './memorySecretStore';

/**
 * What every connection test needs: a temporary trust file, a secret store and a log that record what
 * happened, and connections that are disposed after the test.
 */
export class ConnectionSetup {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-connection-'));
  readonly trustFile = path.join(this.dir, 'trusted_hosts');
  readonly trustStore = new TrustStore({ knownHostsFiles: [], trustFile: this.trustFile });
  readonly secrets = new MemorySecretStore();
  readonly commands: CommandLogEntry[] = [];
  private readonly connections: SshConnection[] = [];

  constructor(readonly log = new CollectingLog()) {}

  /** Puts a host key in the trust file, as if the user had accepted it earlier. */
  trust(host: string, port: number, keyBlob: Buffer): Promise<void> {
    return this.trustStore.trustHostKey(host, port, keyBlob);
  }

  connect(target: SshTarget, prompts: SshPrompts, overrides: Partial<SshConnectionOptions> = {}): SshConnection {
    const connection = new SshConnection({
      name: 'test-pool',
      target,
      trustStore: this.trustStore,
      prompts,
      secrets: this.secrets,
      log: this.log,
      onCommand: (entry) => this.commands.push(entry),
      ...overrides,
    });
    this.connections.push(connection);
    return connection;
  }

  /** A fresh ed25519 client key pair: the private key file, and the public key line for authorized_keys. */
  clientKey(passphrase?: string): { privateKeyPath: string; publicLine: string } {
    const pair = generateEd25519(passphrase);
    const privateKeyPath = path.join(this.dir, `id_${this.connections.length}_${Math.random().toString(36).slice(2)}`);
    fs.writeFileSync(privateKeyPath, pair.private, { mode: 0o600 });
    return { privateKeyPath, publicLine: pair.public };
  }

  dispose(): void {
    for (const connection of this.connections) {
      connection.dispose();
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
