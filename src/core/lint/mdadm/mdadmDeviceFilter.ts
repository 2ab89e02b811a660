import { hasGlobCharacters, matchDeviceGlob } from './matchDeviceGlob';
import type { MdadmWord } from './tokenizeMdadmConf';

/**
 * Whether mdadm would consider a device path, given the DEVICE words (config.c conf_test_dev). Returns
 * undefined when everything is allowed: no DEVICE line at all, or one that says `partitions`.
 */
export function mdadmDeviceFilter(deviceWords: readonly MdadmWord[]): ((path: string) => boolean) | undefined {
  if (deviceWords.length === 0) return undefined;
  if (deviceWords.some((w) => w.text.toLowerCase() === 'partitions')) return undefined;
  const globs = deviceWords.map((w) => w.text).filter((text) => text.startsWith('/'));
  return (path) =>
    globs.some(
      (glob) =>
        glob === path ||
        matchDeviceGlob(glob, path) ||
        // A `devices=` entry can itself be a glob: it is covered when it names one of the listed devices.
        (hasGlobCharacters(path) && !hasGlobCharacters(glob) && matchDeviceGlob(path, glob)),
    );
}
