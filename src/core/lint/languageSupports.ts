import { dracutConfSupport } from './dracut/dracutConfSupport';
import { hypervSupport } from './hyperv/hypervSupport';
import type { LanguageSupport } from './languageSupport';
import { mdadmConfSupport } from './mdadm/mdadmConfSupport';
import { modprobeSupport } from './modprobe/modprobeSupport';
import { vmxSupport } from './vmx/vmxSupport';
import { xenXlSupport } from './xl/xenXlSupport';

/**
 * Every config language the editor and the CLI lint, keyed by VS Code language id. To add a language,
 * import its support and add one line to the list.
 */
const supports: readonly LanguageSupport[] = [
  xenXlSupport,
  vmxSupport,
  modprobeSupport,
  hypervSupport,
  mdadmConfSupport,
  dracutConfSupport,
];

export const languageSupports: ReadonlyMap<string, LanguageSupport> = new Map(
  supports.map((support) => [support.languageId, support]),
);
