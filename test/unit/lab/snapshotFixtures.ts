import * as assert from 'node:assert/strict';
import { buildSnapshot } from '../../../src/core/lab/buildSnapshot';
import type { LabSnapshot } from '../../../src/core/lab/labModel';
import { parseSnapshotOutput } from '../../../src/core/lab/snapshotQuery';
import { readFixture } from '../xe/fixtures';

/** The nonce the committed test/fixtures/lab/*.snapshot.out files were produced with. */
export const FIXTURE_NONCE = '5e1f0a6b9c2d4e7f8a0b1c2d';

/** A committed batch output, as the host printed it. */
export function readSnapshotOutput(name: string): string {
  return readFixture('lab', `${name}.snapshot.out`);
}

/** A committed batch output parsed and built in strict mode. */
export function loadSnapshot(name: string): LabSnapshot {
  const options = { strict: true };
  return buildSnapshot(parseSnapshotOutput(readSnapshotOutput(name), FIXTURE_NONCE, options), options);
}

/** The fixture's item of that name (a VM, host, SR...), failing the test when the fixture has none. */
export function named<T extends { readonly name: string }>(items: readonly T[], name: string): T {
  const found = items.find((item) => item.name === name);
  assert.ok(found, `the fixture has nothing named ${name}`);
  return found;
}
