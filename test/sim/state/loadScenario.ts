import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../repoRoot';
import { buildState, type BuiltScenario } from './buildState';
import { generateLargePool } from './generateLargePool';
import type { ScenarioSpec } from './scenarioSpec';

/** test/sim/scenarios in the repository (the compiled code runs from out/test/sim/state). */
export function scenarioDir(): string {
  return path.join(repoRoot(), 'test', 'sim', 'scenarios');
}

export function listScenarios(): string[] {
  return fs.readdirSync(scenarioDir()).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
}

type Keyed = { key: string; fields?: Record<string, unknown> };

/** Entries with the same key merge (their `fields` too); new keys are appended; `remove` drops keys. */
function mergeKeyed<T extends Keyed>(base: T[] | undefined, over: T[] | undefined, remove: string[]): T[] | undefined {
  if (!base && !over) return undefined;
  const out = (base ?? []).filter((b) => !remove.includes(b.key)).map((b) => ({ ...b }));
  for (const o of over ?? []) {
    const i = out.findIndex((b) => b.key === o.key);
    if (i < 0) out.push(o);
    else out[i] = { ...out[i], ...o, fields: { ...(out[i]?.fields ?? {}), ...(o.fields ?? {}) } } as T;
  }
  return out;
}

function readSpec(nameOrFile: string): ScenarioSpec {
  const file = nameOrFile.endsWith('.yaml') ? nameOrFile : path.join(scenarioDir(), `${nameOrFile}.yaml`);
  if (!fs.existsSync(file)) throw new Error(`unknown scenario '${nameOrFile}' (known: ${listScenarios().join(', ')})`);
  const spec = parse(fs.readFileSync(file, 'utf8')) as ScenarioSpec;
  spec.name = spec.name ?? path.basename(file, '.yaml');
  if (!spec.extends) return spec;
  const base = readSpec(spec.extends.endsWith('.yaml') ? path.resolve(path.dirname(file), spec.extends) : spec.extends);
  const remove = spec.remove ?? [];
  return {
    ...base,
    ...spec,
    // Keep the base's UUIDs: an extended scenario is the same pool in another situation.
    name: base.name,
    pool: { ...base.pool, ...spec.pool, fields: { ...(base.pool?.fields ?? {}), ...(spec.pool?.fields ?? {}) } },
    hosts: mergeKeyed(base.hosts, spec.hosts, remove),
    networks: mergeKeyed(base.networks, spec.networks, remove),
    srs: mergeKeyed(base.srs, spec.srs, remove),
    vms: mergeKeyed(base.vms, spec.vms, remove),
    templates: [...(base.templates ?? []), ...(spec.templates ?? [])],
    files: { ...(base.files ?? {}), ...(spec.files ?? {}) },
    dirs: [...(base.dirs ?? []), ...(spec.dirs ?? [])],
  };
}

/** A scenario by name (test/sim/scenarios/<name>.yaml) or by path, expanded into state and host files. */
export function loadScenario(nameOrFile: string): BuiltScenario {
  let spec = readSpec(nameOrFile);
  if (spec.generate) spec = generateLargePool(spec, spec.generate.vms, spec.generate.hosts);
  return buildState(spec);
}
