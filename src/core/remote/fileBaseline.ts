import { createHash } from 'node:crypto';

/** What a file looked like when it was last read or written here: the save compares the host's file with it. */
export interface FileBaseline {
  readonly size: number;
  /** Seconds, as SFTP v3 carries it. */
  readonly mtime: number;
  readonly sha256: string;
}

export function fileBaseline(content: Uint8Array, attrs: { readonly mtime: number }): FileBaseline {
  return { size: content.length, mtime: attrs.mtime, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Why the host's file no longer matches the baseline, in words; undefined when it still does. */
export function describeBaselineChange(before: FileBaseline, now: FileBaseline): string | undefined {
  if (before.size !== now.size) return `its size went from ${before.size} to ${now.size} bytes`;
  if (before.sha256 !== now.sha256) return 'its content is different';
  if (before.mtime !== now.mtime) return 'its modification time changed';
  return undefined;
}
