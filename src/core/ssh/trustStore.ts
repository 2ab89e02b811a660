import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Log } from '../log';
import { fingerprintSha256 } from './fingerprintSha256';
import { keyBlobType } from './keyBlobType';
import {
  entryMatchesHost,
  formatKnownHostsLine,
  knownHostsName,
  parseKnownHosts,
  type KnownHostsEntry,
} from './knownHosts';

/** Where a key on record for a host was found, so a message can say which line to remove. */
export interface KnownKeyLocation {
  readonly source: string;
  readonly line: number;
  readonly keyType: string;
  readonly fingerprint: string;
}

export type HostKeyVerdict =
  | { readonly kind: 'trusted'; readonly fingerprint: string }
  | {
      readonly kind: 'unknown';
      readonly keyType: string;
      readonly fingerprint: string;
      /** Keys of other types on record for this host (the host may have switched key type). */
      readonly otherKnown: readonly KnownKeyLocation[];
    }
  | {
      readonly kind: 'changed';
      readonly keyType: string;
      readonly fingerprint: string;
      /** The keys of the same type on record for this host. */
      readonly known: readonly KnownKeyLocation[];
    }
  | { readonly kind: 'revoked'; readonly keyType: string; readonly fingerprint: string; readonly where: KnownKeyLocation };

export interface TrustStoreOptions {
  /** The user's known_hosts files, read-only, in order (e.g. ~/.ssh/known_hosts, /etc/ssh/ssh_known_hosts). */
  readonly knownHostsFiles: readonly string[];
  /** The extension's own file, in known_hosts format; created on the first accepted key. */
  readonly trustFile: string;
  readonly log?: Log;
}

/**
 * Decides whether a host key may be used, from the user's known_hosts files and the extension's own trust file,
 * and records keys the user accepted. Files are read on every check: they are small, and a key the user fixed
 * with `ssh-keygen -R` must take effect without restarting anything.
 */
export class TrustStore {
  /** Writes are read-modify-write; chaining them keeps two accepted keys from losing one another. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TrustStoreOptions) {}

  get trustFile(): string {
    return this.options.trustFile;
  }

  async verifyHostKey(host: string, port: number, keyBlob: Buffer): Promise<HostKeyVerdict> {
    const fingerprint = fingerprintSha256(keyBlob);
    const keyType = keyBlobType(keyBlob) ?? 'unknown';
    const entries = (await this.readAll()).filter((entry) => entry.marker !== 'cert-authority' && entryMatchesHost(entry, host, port));

    const revoked = entries.find((entry) => entry.marker === 'revoked' && entry.keyBlob.equals(keyBlob));
    if (revoked) {
      return { kind: 'revoked', keyType, fingerprint, where: locate(revoked) };
    }
    const plain = entries.filter((entry) => entry.marker === undefined);
    if (plain.some((entry) => entry.keyBlob.equals(keyBlob))) {
      return { kind: 'trusted', fingerprint };
    }
    const sameType = plain.filter((entry) => entry.keyType === keyType);
    if (sameType.length > 0) {
      return { kind: 'changed', keyType, fingerprint, known: sameType.map(locate) };
    }
    return { kind: 'unknown', keyType, fingerprint, otherKnown: plain.map(locate) };
  }

  /** Key types on record for the host, so the connection can ask the server for a key we can check. */
  async knownKeyTypes(host: string, port: number): Promise<string[]> {
    const entries = await this.readAll();
    const types = entries
      .filter((entry) => entry.marker === undefined && entryMatchesHost(entry, host, port))
      .map((entry) => entry.keyType);
    return [...new Set(types)];
  }

  /** Appends the key to the trust file (written whole to a temporary file, then renamed over the old one). */
  trustHostKey(host: string, port: number, keyBlob: Buffer): Promise<void> {
    return this.serialize(async () => {
      const existing = await readIfExists(this.options.trustFile);
      const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
      const line = formatKnownHostsLine(host, port, keyBlob, `added-by-xcpng-lab ${new Date().toISOString()}`);
      await this.writeTrustFile(`${existing}${separator}${line}\n`);
    });
  }

  /**
   * Removes every line of the trust file that names host:port exactly (not wildcard lines), e.g. after the
   * user confirmed a host was reinstalled. Returns how many lines were removed. known_hosts is never touched.
   */
  forgetHost(host: string, port: number): Promise<number> {
    return this.serialize(async () => {
      const existing = await readIfExists(this.options.trustFile);
      const name = knownHostsName(host, port);
      const lines = existing.split('\n');
      const kept = lines.filter((line) => {
        const hosts = line.trim().split(/[ \t]+/)[0] ?? '';
        return !hosts.toLowerCase().split(',').includes(name);
      });
      const removed = lines.length - kept.length;
      if (removed > 0) {
        await this.writeTrustFile(kept.join('\n'));
      }
      return removed;
    });
  }

  private serialize<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writes.then(write, write);
    this.writes = result.catch(() => undefined);
    return result;
  }

  private async writeTrustFile(content: string): Promise<void> {
    const file = this.options.trustFile;
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temporary, content, { mode: 0o600 });
    await fs.rename(temporary, file);
  }

  private async readAll(): Promise<KnownHostsEntry[]> {
    const files = [...this.options.knownHostsFiles, this.options.trustFile];
    const parsed = await Promise.all(
      files.map(async (file) => {
        try {
          return parseKnownHosts(await readIfExists(file), file);
        } catch (error) {
          this.options.log?.warn(`Cannot read ${file}: ${String(error)}`);
          return { entries: [], problems: [] };
        }
      }),
    );
    for (const { problems } of parsed) {
      for (const problem of problems) {
        this.options.log?.debug(`${problem.source}:${problem.line}: skipped, ${problem.message}`);
      }
    }
    return parsed.flatMap((result) => result.entries);
  }
}

function locate(entry: KnownHostsEntry): KnownKeyLocation {
  return { source: entry.source, line: entry.line, keyType: entry.keyType, fingerprint: fingerprintSha256(entry.keyBlob) };
}

async function readIfExists(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return '';
    }
    throw error;
  }
}
