import type { LanguageSupport } from '../languageSupport';
import { analyzeHyperV } from './analyzeHyperV';

/**
 * Diagnostics only: VS Code's PowerShell extension owns the language, its hovers and completion; we add
 * the nested-virtualization checks on top.
 */
export const hypervSupport: LanguageSupport = {
  languageId: 'powershell',
  analyze: analyzeHyperV,
};
