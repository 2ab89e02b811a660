/**
 * Resolves a path written inside a config file against the folder of that file, keeping the file's own
 * separator style, without touching the disk (the core layer only computes names; callers read).
 */
export function resolveSiblingPath(fileName: string, written: string): string {
  if (written.startsWith('/') || /^[A-Za-z]:[\\/]/.test(written) || written.startsWith('\\\\')) return written;
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const separator = cut >= 0 ? (fileName[cut] as string) : '/';
  const folder = cut >= 0 ? fileName.slice(0, cut) : '.';
  const parts = folder.split(separator);
  for (const segment of written.split(/[\\/]/)) {
    if (segment === '..' && parts.length > 1) parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join(separator);
}
