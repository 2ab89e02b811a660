import type { LanguageSupport } from '../languageSupport';
import { mdadmSiblingPaths } from '../raid/raidSiblingPaths';
import { analyzeMdadmConf } from './analyzeMdadmConf';
import { completeMdadmConf } from './completeMdadmConf';
import { hoverMdadmConf } from './hoverMdadmConf';
import { mdadmConfSymbols } from './mdadmConfSymbols';

/**
 * mdadm.conf for the editor and the CLI. Its only sibling is the `/proc/mdstat` snapshot of the same root; the
 * dracut drop-ins list mdadm.conf among theirs, so editing it re-checks them, while no mdadm.conf rule reads them.
 */
export const mdadmConfSupport: LanguageSupport = {
  languageId: 'mdadm-conf',
  analyze: analyzeMdadmConf,
  hover: hoverMdadmConf,
  complete: completeMdadmConf,
  symbols: mdadmConfSymbols,
  siblingPaths: mdadmSiblingPaths,
};
