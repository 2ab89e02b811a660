import type { LanguageSupport } from '../languageSupport';
import { dracutSiblingPaths } from '../raid/raidSiblingPaths';
import { analyzeDracutConf } from './analyzeDracutConf';
import { completeDracutConf } from './completeDracutConf';
import { dracutConfSymbols } from './dracutConfSymbols';
import { hoverDracutConf } from './hoverDracutConf';

/**
 * dracut configs for the editor and the CLI. Their siblings are the mdadm.conf candidates of the same root, so
 * the editor re-checks an open drop-in whenever that mdadm.conf changes.
 */
export const dracutConfSupport: LanguageSupport = {
  languageId: 'dracut-conf',
  analyze: analyzeDracutConf,
  hover: hoverDracutConf,
  complete: completeDracutConf,
  symbols: dracutConfSymbols,
  siblingPaths: dracutSiblingPaths,
};
