import { parseLabYaml } from './parseLabYaml';
import type { InventoryProblem } from './poolDefinition';
import { readPoolSettings } from './readPoolSettings';
import { resolvePoolTargets, type PoolTarget, type ResolveEnvironment } from './resolvePoolTargets';

export interface InventoryInput extends ResolveEnvironment {
  /** The `xcpng.pools` setting value, as VS Code returned it. */
  readonly settings: unknown;
  /** The workspace's xcpng-lab.yaml, when there is one. */
  readonly yaml?: { readonly text: string; readonly file: string };
}

/**
 * The whole inventory: pools from the setting first, then from xcpng-lab.yaml, resolved against
 * ~/.ssh/config. Pure: the caller reads the files and the setting and hands their contents in.
 */
export function resolveInventory(input: InventoryInput): { targets: PoolTarget[]; problems: InventoryProblem[] } {
  const fromSettings = readPoolSettings(input.settings);
  const fromYaml = input.yaml ? parseLabYaml(input.yaml.text, input.yaml.file) : { pools: [], problems: [] };
  const resolved = resolvePoolTargets([...fromSettings.pools, ...fromYaml.pools], input);
  return {
    targets: resolved.targets,
    problems: [...fromSettings.problems, ...fromYaml.problems, ...resolved.problems],
  };
}
