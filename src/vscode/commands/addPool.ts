import * as vscode from 'vscode';

interface PoolSetting {
  name: string;
  host: string;
  port?: number;
  user?: string;
  identityFile?: string;
}

/**
 * Asks for a pool master and appends it to the user's `xcpng.pools` setting. Secrets are not asked here:
 * a password or passphrase is requested on first connect and kept in SecretStorage.
 */
export async function addPool(): Promise<void> {
  const config = vscode.workspace.getConfiguration('xcpng');
  const pools = config.get<PoolSetting[]>('pools', []);
  const address = await vscode.window.showInputBox({
    title: 'Add XCP-ng Pool (1/3)',
    prompt: 'Pool master address, optionally with a port (host or host:port), or a Host alias from ~/.ssh/config',
    placeHolder: 'xcp-master.lab.example or 192.0.2.10:22',
    ignoreFocusOut: true,
    validateInput: (value) => validateAddress(value.trim()),
  });
  if (address === undefined) return;
  const { host, port } = splitAddress(address.trim());
  const user = await vscode.window.showInputBox({
    title: 'Add XCP-ng Pool (2/3)',
    prompt: 'SSH user on the pool master (xe runs as this user; dom0 normally uses root)',
    value: 'root',
    ignoreFocusOut: true,
    validateInput: (value) => (/^[A-Za-z0-9._][A-Za-z0-9._-]*$/.test(value.trim()) ? undefined : 'Not a valid user name'),
  });
  if (user === undefined) return;
  const authChoice = await vscode.window.showQuickPick(
    [
      { label: 'SSH agent or default keys', description: 'uses SSH_AUTH_SOCK, then asks for a password if needed', value: 'agent' },
      { label: 'Identity file...', description: 'a private key file; its passphrase is asked once', value: 'file' },
      { label: 'Password', description: 'asked on first connect and kept in secret storage', value: 'password' },
    ],
    { title: 'Add XCP-ng Pool (3/3): authentication', ignoreFocusOut: true },
  );
  if (!authChoice) return;
  let identityFile: string | undefined;
  if (authChoice.value === 'file') {
    const picked = await vscode.window.showOpenDialog({
      title: 'Private key for the pool master',
      canSelectMany: false,
      defaultUri: vscode.Uri.file(`${process.env.HOME ?? ''}/.ssh`),
    });
    if (!picked?.[0]) return;
    identityFile = picked[0].fsPath;
  }
  const name = uniqueName(host, pools);
  const entry: PoolSetting = { name, host, user: user.trim() };
  if (port !== 22) entry.port = port;
  if (identityFile) entry.identityFile = identityFile;
  await config.update('pools', [...pools, entry], vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(`Added pool "${name}". Its host key is checked on first connect.`);
}

function validateAddress(value: string): string | undefined {
  if (!value) return 'Enter a host name or address';
  if (/\s/.test(value)) return 'The address cannot contain spaces';
  const { port } = splitAddress(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return 'The port must be between 1 and 65535';
  return undefined;
}

/** `host`, `host:port`, `[v6]:port` or a bare IPv6 address. */
function splitAddress(value: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) return { host: bracketed[1] ?? value, port: bracketed[2] ? Number(bracketed[2]) : 22 };
  const colons = value.split(':').length - 1;
  if (colons === 1) {
    const [host, port] = value.split(':');
    return { host: host ?? value, port: Number(port) };
  }
  return { host: value, port: 22 };
}

function uniqueName(base: string, pools: readonly PoolSetting[]): string {
  const taken = new Set(pools.map((p) => p.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
}
