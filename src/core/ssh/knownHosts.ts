import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyBlobType } from './keyBlobType';

/**
 * Reading OpenSSH `known_hosts` files (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): which lines name a host, and
 * with which key. Read-only: the extension never edits the user's files, it keeps its own (see trustStore).
 */

/** One host pattern of a comma list; `!` in front makes a match exclude the line. */
export interface HostPattern {
  readonly negated: boolean;
  /** Lowercased; may contain `*` and `?`. */
  readonly pattern: string;
}

export type HostField =
  | { readonly kind: 'patterns'; readonly patterns: readonly HostPattern[] }
  /** `|1|salt|hash`: HMAC-SHA1 of the host name keyed with the salt, so the file does not list host names. */
  | { readonly kind: 'hashed'; readonly salt: Buffer; readonly hash: Buffer };

export interface KnownHostsEntry {
  /** Where the line came from, for messages that tell the user what to edit. */
  readonly source: string;
  readonly line: number;
  readonly marker?: 'revoked' | 'cert-authority';
  readonly hosts: HostField;
  readonly keyType: string;
  readonly keyBlob: Buffer;
  readonly comment?: string;
}

export interface KnownHostsProblem {
  readonly source: string;
  readonly line: number;
  readonly message: string;
}

export interface ParsedKnownHosts {
  readonly entries: readonly KnownHostsEntry[];
  /** Lines that could not be read; they are skipped, as ssh does. */
  readonly problems: readonly KnownHostsProblem[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseKnownHosts(text: string, source: string): ParsedKnownHosts {
  const entries: KnownHostsEntry[] = [];
  const problems: KnownHostsProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      return;
    }
    const result = parseLine(trimmed, source, line);
    if (typeof result === 'string') {
      problems.push({ source, line, message: result });
    } else {
      entries.push(result);
    }
  });
  return { entries, problems };
}

function parseLine(text: string, source: string, line: number): KnownHostsEntry | string {
  const fields = text.split(/[ \t]+/);
  let marker: KnownHostsEntry['marker'];
  if (fields[0]?.startsWith('@')) {
    const name = fields.shift();
    if (name === '@revoked') {
      marker = 'revoked';
    } else if (name === '@cert-authority') {
      marker = 'cert-authority';
    } else {
      return `unknown marker ${name ?? ''}`;
    }
  }
  const [hostText, keyType, keyText, ...commentWords] = fields;
  if (hostText === undefined || keyType === undefined || keyText === undefined) {
    return 'expected: hosts, key type, base64 key';
  }
  const hosts = parseHostField(hostText);
  if (typeof hosts === 'string') {
    return hosts;
  }
  if (!BASE64.test(keyText)) {
    return 'the key is not base64';
  }
  const keyBlob = Buffer.from(keyText, 'base64');
  const blobType = keyBlobType(keyBlob);
  if (blobType !== keyType) {
    return `the key says it is ${blobType ?? 'nothing readable'}, the line says ${keyType}`;
  }
  const comment = commentWords.join(' ');
  return { source, line, marker, hosts, keyType, keyBlob, ...(comment ? { comment } : {}) };
}

function parseHostField(text: string): HostField | string {
  if (text.startsWith('|')) {
    const parts = text.split('|');
    // '', '1', salt, hash
    if (parts.length !== 4 || parts[1] !== '1' || !BASE64.test(parts[2] ?? '') || !BASE64.test(parts[3] ?? '')) {
      return 'unreadable hashed host name';
    }
    return { kind: 'hashed', salt: Buffer.from(parts[2] ?? '', 'base64'), hash: Buffer.from(parts[3] ?? '', 'base64') };
  }
  const patterns = text
    .split(',')
    .filter((item) => item !== '')
    .map((item) => {
      const negated = item.startsWith('!');
      return { negated, pattern: (negated ? item.slice(1) : item).toLowerCase() };
    });
  if (patterns.length === 0) {
    return 'no host names';
  }
  return { kind: 'patterns', patterns };
}

/** The name ssh looks up for a host: `host` on port 22, `[host]:port` on any other port. */
export function knownHostsName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** Whether a line applies to host:port, with OpenSSH's rules (any negated match excludes the line). */
export function entryMatchesHost(entry: KnownHostsEntry, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (entry.hosts.kind === 'hashed') {
    const digest = createHmac('sha1', entry.hosts.salt).update(name).digest();
    return digest.length === entry.hosts.hash.length && timingSafeEqual(digest, entry.hosts.hash);
  }
  let positive = false;
  for (const { negated, pattern } of entry.hosts.patterns) {
    if (matchWildcard(name, pattern)) {
      if (negated) {
        return false;
      }
      positive = true;
    }
  }
  return positive;
}

/** `*` matches any run of characters, `?` exactly one; everything else matches itself. */
export function matchWildcard(text: string, pattern: string): boolean {
  // Iterative matcher with single backtrack point: linear enough for host names and free of regex escaping.
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = p++;
      starT = t;
    } else if (pc !== undefined && (pc === '?' || pc === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') {
    p++;
  }
  return p === pattern.length;
}

/** A known_hosts line for a key, in the plain (unhashed) form. */
export function formatKnownHostsLine(host: string, port: number, keyBlob: Buffer, comment?: string): string {
  const type = keyBlobType(keyBlob);
  if (type === undefined) {
    throw new Error('Not an SSH public key blob');
  }
  const line = `${knownHostsName(host, port)} ${type} ${keyBlob.toString('base64')}`;
  return comment ? `${line} ${comment}` : line;
}
