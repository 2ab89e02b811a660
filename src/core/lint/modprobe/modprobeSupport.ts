import type { LanguageSupport } from '../languageSupport';
import { analyzeModprobe } from './analyzeModprobe';
import { completeModprobe } from './completeModprobe';
import { hoverModprobe } from './hoverModprobe';

export const modprobeSupport: LanguageSupport = {
  languageId: 'modprobe',
  analyze: analyzeModprobe,
  hover: hoverModprobe,
  complete: completeModprobe,
};
