import type { LanguageSupport } from '../languageSupport';
import { analyzeXl } from './analyzeXl';
import { completeXl } from './completeXl';
import { hoverXl } from './hoverXl';
import { xlSymbols } from './xlSymbols';

export const xenXlSupport: LanguageSupport = {
  languageId: 'xen-xl',
  analyze: analyzeXl,
  hover: hoverXl,
  complete: completeXl,
  symbols: xlSymbols,
};
