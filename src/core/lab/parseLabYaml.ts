import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatEntryPath, validatePoolEntry, type InventoryProblem, type PoolDefinition } from './poolDefinition';

/** The workspace file that lists pools beside the setting. */
export const LAB_YAML_FILE = 'xcpng-lab.yaml';

/**
 * Pool definitions from the text of a workspace `xcpng-lab.yaml`:
 *
 *     pools:
 *       - name: lab
 *         host: 192.0.2.10
 *
 * Syntax errors and invalid entries become problems with their 1-based line and column; valid entries are
 * kept even when a sibling is broken.
 */
export function parseLabYaml(text: string, file = LAB_YAML_FILE): { pools: PoolDefinition[]; problems: InventoryProblem[] } {
  const pools: PoolDefinition[] = [];
  const problems: InventoryProblem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    problems.push({
      severity: doc.errors.includes(e) ? 'error' : 'warning',
      // The library appends its own position and a code excerpt; we report the position as fields.
      message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
      source: 'yaml',
      file,
      ...at(e.pos[0]),
    });
  }
  if (doc.errors.length > 0) {
    return { pools, problems };
  }
  const root = doc.contents;
  if (root === null || (isMap(root) && root.items.length === 0)) {
    return { pools, problems };
  }
  const problemAt = (path: readonly (string | number)[], severity: 'error' | 'warning', message: string): void => {
    problems.push({ severity, message, source: 'yaml', file, path: formatEntryPath('', path).replace(/^\./, ''), ...at(offsetOf(doc, path)) });
  };
  if (!isMap(root)) {
    problemAt([], 'error', 'the file must be a mapping with a "pools" list');
    return { pools, problems };
  }
  for (const pair of root.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (key !== 'pools') {
      problemAt([String(key)], 'warning', `unknown key "${String(key)}" is ignored`);
    }
  }
  const list = root.get('pools', true);
  if (list === undefined || list === null) {
    return { pools, problems };
  }
  if (!isSeq(list)) {
    problemAt(['pools'], 'error', '"pools" must be a list');
    return { pools, problems };
  }
  const entries = (doc.toJS() as { pools: unknown[] }).pools;
  entries.forEach((entry, index) => {
    const result = validatePoolEntry(entry, { kind: 'yaml', file, ...at(offsetOf(doc, ['pools', index])) });
    for (const p of result.problems) {
      problemAt(['pools', index, ...p.path], p.severity, p.message);
    }
    if (result.definition) {
      pools.push(result.definition);
    }
  });
  return { pools, problems };
}

/** Offset of the node at `path`, or of its nearest existing ancestor (a missing key points at its entry). */
function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
    if (node?.range) {
      return node.range[0];
    }
  }
  return 0;
}
