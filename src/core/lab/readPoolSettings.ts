import { formatEntryPath, validatePoolEntry, type InventoryProblem, type PoolDefinition } from './poolDefinition';

/**
 * Pool definitions from the value of the `xcpng.pools` setting, handed in as VS Code returned it (so it may be
 * anything a user typed into settings.json). Invalid entries are dropped with a problem naming their path.
 */
export function readPoolSettings(value: unknown): { pools: PoolDefinition[]; problems: InventoryProblem[] } {
  const pools: PoolDefinition[] = [];
  const problems: InventoryProblem[] = [];
  if (value === undefined || value === null) {
    return { pools, problems };
  }
  if (!Array.isArray(value)) {
    problems.push({ severity: 'error', message: 'must be a list of pools', source: 'settings', path: 'xcpng.pools' });
    return { pools, problems };
  }
  value.forEach((entry: unknown, index) => {
    const result = validatePoolEntry(entry, { kind: 'settings', index });
    for (const p of result.problems) {
      problems.push({
        severity: p.severity,
        message: p.message,
        source: 'settings',
        path: formatEntryPath(`xcpng.pools[${index}]`, p.path),
      });
    }
    if (result.definition) {
      pools.push(result.definition);
    }
  });
  return { pools, problems };
}
