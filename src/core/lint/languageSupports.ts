import { dracutConfSupport } from './dracut/dracutConfSupport';
import type { LanguageSupport } from './languageSupport';
import { mdadmConfSupport } from './mdadm/mdadmConfSupport';

/**
 * Every config language the editor and the CLI lint, keyed by VS Code language id. To add a language,
 * import its support and add one line to the list.
 */
const supports: readonly LanguageSupport[] = [
  mdadmConfSupport,
  dracutConfSupport,
];

export const languageSupports: ReadonlyMap<string, LanguageSupport> = new Map(
  supports.map((support) => [support.languageId, support]),
);
