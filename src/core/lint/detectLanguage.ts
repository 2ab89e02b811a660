import { globToRegExp } from './globToRegExp';
import { languageAssociations, type LanguageAssociation } from './languageAssociations';

/** Forward slashes and no trailing separator, so Windows paths and URI paths match the same globs. */
function normalizePath(path: string): string {
  return path.replace(/\\/g, '/');
}

function matchesGlob(glob: string, fullPath: string, baseName: string): boolean {
  return globToRegExp(glob).test(glob.includes('/') ? fullPath : baseName);
}

/** True when the language claims the path but lists it as an exception (for example `/etc/xen/xl.conf`). */
export function isExcludedPath(association: LanguageAssociation, path: string): boolean {
  const fullPath = normalizePath(path);
  const baseName = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  return (association.excludedPatterns ?? []).some((glob) => matchesGlob(glob, fullPath, baseName));
}

/**
 * The language id VS Code would give the file, following its precedence: exact file name, then the longest
 * matching pattern, then the longest extension, then the first line. The first line only counts for files
 * without an extension, since VS Code's built-in languages claim most extensions before `firstLine` is tried.
 * Returns undefined for files no linter handles, including the exclusions of {@link isExcludedPath}.
 */
export function detectLanguage(path: string, firstLine?: string): string | undefined {
  const fullPath = normalizePath(path);
  const baseName = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  const lowerBase = baseName.toLowerCase();
  let byName: LanguageAssociation | undefined;
  let byPattern: { association: LanguageAssociation; length: number } | undefined;
  let byExtension: { association: LanguageAssociation; length: number } | undefined;
  for (const association of languageAssociations) {
    if (association.filenames?.some((name) => name.toLowerCase() === lowerBase)) byName ??= association;
    for (const glob of association.filenamePatterns ?? []) {
      if ((!byPattern || glob.length > byPattern.length) && matchesGlob(glob, fullPath, baseName)) {
        byPattern = { association, length: glob.length };
      }
    }
    for (const extension of association.extensions ?? []) {
      if ((!byExtension || extension.length > byExtension.length) && lowerBase.endsWith(extension.toLowerCase())) {
        byExtension = { association, length: extension.length };
      }
    }
  }
  let found = byName ?? byPattern?.association ?? byExtension?.association;
  if (!found && firstLine !== undefined && !baseName.includes('.')) {
    found = languageAssociations.find((a) => a.firstLine !== undefined && new RegExp(a.firstLine).test(firstLine));
  }
  if (!found || isExcludedPath(found, fullPath)) return undefined;
  return found.languageId;
}
