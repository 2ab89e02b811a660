import type { LanguageSupport } from '../languageSupport';
import { splitSourceLines } from '../sourceLines';
import { analyzeVmx } from './analyzeVmx';
import { parseVmx } from './parseVmx';
import { completeVmx } from './completeVmx';
import { hoverVmx } from './hoverVmx';
import { vmxDisks } from './vmxDisks';
import { vmxSymbols } from './vmxSymbols';

export const vmxSupport: LanguageSupport = {
  languageId: 'vmx',
  analyze: analyzeVmx,
  hover: hoverVmx,
  complete: completeVmx,
  symbols: vmxSymbols,
  // The .vmdk descriptors the disks name: vmx/nested-disk-size reads their extent sizes.
  siblingPaths: (fileName, text) => (text === undefined ? [] : vmxDisks(fileName, parseVmx(splitSourceLines(text)).entries).map((d) => d.path)),
};
