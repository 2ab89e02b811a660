import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabYaml } from '../../../src/core/lab/parseLabYaml';
import { repoRoot } from '../xe/fixtures';

interface PoolSchema {
  required: string[];
  properties: Record<string, { type: string; minimum?: number; maximum?: number }>;
}

const root = repoRoot();
const schema = JSON.parse(readFileSync(join(root, 'media', 'schemas', 'xcpng-lab.schema.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: { pool: PoolSchema };
};
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    yamlValidation?: { fileMatch: string; url: string }[];
    configuration: { properties: Record<string, { items: PoolSchema }> };
  };
};

describe('xcpng-lab.yaml JSON schema', () => {
  it('is contributed for xcpng-lab.yaml through yamlValidation', () => {
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: 'xcpng-lab.yaml', url: './media/schemas/xcpng-lab.schema.json' }]);
  });

  it('describes the same pool keys, types and port range as the xcpng.pools setting', () => {
    const setting = manifest.contributes.configuration.properties['xcpng.pools']?.items;
    assert.ok(setting);
    const pool = schema.definitions.pool;
    assert.deepEqual(Object.keys(pool.properties).sort(), Object.keys(setting.properties).sort());
    for (const [key, prop] of Object.entries(pool.properties)) {
      assert.equal(prop.type, setting.properties[key]?.type, key);
    }
    assert.deepEqual([pool.properties.port?.minimum, pool.properties.port?.maximum], [1, 65535]);
  });

  it('accepts every key the parser accepts: a full entry gives no warning', () => {
    const keys = Object.keys(schema.definitions.pool.properties);
    const yaml = `pools:\n  - ${keys.map((k) => `${k}: ${k === 'port' ? '2222' : 'x'}`).join('\n    ')}\n`;
    const { pools, problems } = parseLabYaml(yaml);
    assert.deepEqual(problems, []);
    assert.equal(pools.length, 1);
    assert.deepEqual(Object.keys(schema.properties), ['pools']);
  });
});
