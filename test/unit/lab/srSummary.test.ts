import * as assert from 'node:assert/strict';
import type { Sr } from '../../../src/core/lab/labModel';
import { srSummary } from '../../../src/core/lab/srSummary';
import { loadSnapshot, named } from './snapshotFixtures';

describe('srSummary', () => {
  const snapshot = loadSnapshot('small-pool');
  const sr = (name: string): Sr => named(snapshot.srs, name);

  it('describes a local SR by type, host, size and usage', () => {
    const summary = srSummary(sr('Local storage'));
    assert.equal(summary.label, 'Local storage');
    // 483183820800 B = 450 GiB, 139586437120 B = 130 GiB used: 28.9 %.
    assert.equal(summary.description, 'lvm · xcp-a · 450 GiB · 29% used');
    assert.equal(summary.icon, 'database');
    assert.equal(summary.where, 'xcp-a');
    assert.deepEqual(summary.details, [
      ['Type', 'lvm'],
      ['Content type', 'user'],
      ['Host', 'xcp-a'],
      ['Size', '450 GiB'],
      ['Used', '130 GiB (29% used)'],
      ['Virtual allocation', '120 GiB'],
    ]);
  });

  it('says "shared" for an SR every host sees, and names an empty content type', () => {
    const summary = srSummary(sr('NFS VM store'));
    // 2000 GiB reads as 2 TiB at one decimal; 210 GiB of it is used.
    assert.equal(summary.description, 'nfs · shared · 2 TiB · 11% used');
    assert.equal(summary.where, 'shared');
    assert.deepEqual(summary.details[1], ['Content type', 'none']);
  });

  it('shows no size for the -1 that xe prints on iso and udev SRs, and a disc for ISO content', () => {
    const summary = srSummary(sr('XCP-ng Tools'));
    assert.equal(summary.description, 'udev · shared');
    assert.equal(summary.icon, 'disc');
    assert.deepEqual(summary.details, [
      ['Type', 'udev'],
      ['Content type', 'iso'],
      ['Host', 'shared'],
      ['Size', 'not reported'],
      ['Virtual allocation', '0 B'],
    ]);
  });

  it('picks the icon by content type: a plug for removable devices, a database for VM disks', () => {
    const local = sr('Local storage');
    assert.equal(srSummary({ ...local, type: 'udev', contentType: 'disk', physicalSize: -1 }).icon, 'plug');
    assert.equal(srSummary({ ...local, type: 'ext', contentType: 'user' }).icon, 'database');
    assert.equal(srSummary({ ...local, type: 'iso', contentType: 'iso' }).icon, 'disc');
  });

  it('falls back to the uuid for a nameless SR and says when no host sees it', () => {
    const local = sr('Local storage');
    const summary = srSummary({ ...local, name: '', hostName: null });
    assert.equal(summary.label, local.uuid);
    assert.equal(summary.where, 'no host');
  });

  it('gives no percentage for a zero-sized SR or unknown usage', () => {
    const local = sr('Local storage');
    assert.equal(srSummary({ ...local, physicalSize: 0 }).description, 'lvm · xcp-a · 0 B');
    assert.equal(srSummary({ ...local, physicalUtilisation: null }).description, 'lvm · xcp-a · 450 GiB');
  });
});
