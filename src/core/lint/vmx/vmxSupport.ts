import type { LanguageSupport } from '../languageSupport';
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
  siblingPaths: (fileName, text) => {
    if (text === undefined) return [];
    const { entries, index } = parseVmx(text);
    return vmxDisks(fileName, entries, index).map((d) => d.path);
  },
};
