import * as assert from 'node:assert/strict';
import type { Host, HostVersion, LabSnapshot, Vm } from '../../../../src/core/lab/labModel';
import { assessNestedKvm } from '../../../../src/core/ops/guides/assessNestedKvm';
import { nestedVirtKey } from '../../../../src/core/ops/guides/nestedVirtKey';
import { nestedVmGuide } from '../../../../src/core/ops/guides/nestedVmGuide';
import { recommendDom0Memory } from '../../../../src/core/ops/guides/recommendDom0Memory';
import { routerVifDrift } from '../../../../src/core/ops/guides/routerVifDrift';
import { routerVmGuide } from '../../../../src/core/ops/guides/routerVmGuide';
import { vlanTrunkGuide } from '../../../../src/core/ops/guides/vlanTrunkGuide';
import { runbookScript } from '../../../../src/core/ops/runbook/runbookScript';
import { loadSnapshot } from '../../lab/snapshotFixtures';

const GIB = 1024 ** 3;
const version = (product: string, release: HostVersion['release']): HostVersion => {
  const [major, minor] = product.split('.').map(Number);
  return { product, major: major ?? null, minor: minor ?? null, release, xapi: null };
};

/** The fixture pool with every host on one version and a roomy HVM guest to run the nested guide on. */
function withVersion(snapshot: LabSnapshot, v: HostVersion): LabSnapshot {
  return { ...snapshot, hosts: snapshot.hosts.map((h): Host => ({ ...h, version: v })) };
}

function roomyVm(snapshot: LabSnapshot): Vm {
  const base = snapshot.vms[0];
  assert.ok(base, 'the fixture has VMs');
  return {
    ...base,
    domainType: 'hvm',
    vcpus: { ...base.vcpus, max: 4 },
    memory: { ...base.memory, staticMax: 8 * GIB },
    platform: new Map(),
    residentOn: null,
  };
}

describe('guides', () => {
  let snapshot: LabSnapshot;
  before(() => {
    snapshot = loadSnapshot('small-pool');
  });

  describe('nested virtualisation key by version (drift: 8.3 vs the seed guide)', () => {
    it('8.3 reads platform:nested-virt, 8.2 the experimental exp-nested-hvm', () => {
      assert.equal(nestedVirtKey(version('8.3.0', '8.3')), 'nested-virt');
      assert.equal(nestedVirtKey(version('8.2.1', '8.2')), 'exp-nested-hvm');
      assert.equal(nestedVirtKey(version('8.1.0', 'other')), 'exp-nested-hvm');
      assert.equal(nestedVirtKey(version('9.0.0', 'other')), 'nested-virt');
    });

    for (const [product, release, key] of [
      ['8.2.1', '8.2', 'exp-nested-hvm'],
      ['8.3.0', '8.3', 'nested-virt'],
    ] as const) {
      it(`the guide sends platform:${key} on an ${product} pool`, () => {
        const vm = roomyVm(snapshot);
        const s = { ...withVersion(snapshot, version(product, release)), vms: [vm, ...snapshot.vms.slice(1)] };
        const step = nestedVmGuide(s, vm.uuid).steps[0];
        assert.deepEqual(step?.commands?.(s), [['xe', 'vm-param-set', `uuid=${vm.uuid}`, `platform:${key}=true`, 'platform:nic_type=e1000']]);
      });
    }

    it('refuses a PV guest with 1 VCPU and 1 GiB, naming each reason', () => {
      const vm: Vm = { ...roomyVm(snapshot), domainType: 'pv', vcpus: { max: 1, atStartup: 1, current: null }, memory: { ...roomyVm(snapshot).memory, staticMax: GIB } };
      const s = { ...snapshot, vms: [vm] };
      const pre = nestedVmGuide(s, vm.uuid).steps[0]?.preflight?.(s);
      assert.equal(pre?.kind, 'refuse');
      assert.match(pre?.kind === 'refuse' ? pre.reason : '', /pv guest, not HVM; it has 1 VCPU\(s\), the guide needs 2 or more; it has 1(\.0)? GiB of memory/);
    });
  });

  it('recommends dom0 memory per the guide: 2 GiB floor, 4 GiB up to 64 GiB, 8 GiB from 128 GiB, 16 GiB with ZFS', () => {
    assert.equal(recommendDom0Memory(4 * GIB, false), 2048);
    assert.equal(recommendDom0Memory(32 * GIB, false), 4096);
    assert.equal(recommendDom0Memory(64 * GIB, false), 4096);
    assert.equal(recommendDom0Memory(128 * GIB, false), 8192);
    assert.equal(recommendDom0Memory(512 * GIB, false), 8192);
    assert.equal(recommendDom0Memory(32 * GIB, true), 16384);
  });

  describe('router VM', () => {
    it('sets ethtool-tx=off only on the VIFs lacking it, and drift appears only on marked VMs', () => {
      const vif = snapshot.vifs[0];
      assert.ok(vif);
      const vm = snapshot.vms.find((v) => v.uuid === vif.vmUuid);
      assert.ok(vm);
      const own = snapshot.vifs.filter((v) => v.vmUuid === vm.uuid);
      const step = routerVmGuide(snapshot, vm.uuid).steps.find((s) => s.id === 'ethtool');
      assert.deepEqual(
        step?.commands?.(snapshot),
        own.filter((v) => v.otherConfig.get('ethtool-tx') !== 'off').map((v) => ['xe', 'vif-param-set', `uuid=${v.uuid}`, 'other-config:ethtool-tx=off']),
      );
      const marked: Vm = { ...vm, otherConfig: new Map([['xcpng-lab.guide', 'router']]) };
      const noSetting = { ...snapshot, vifs: snapshot.vifs.map((v) => (v.uuid === vif.uuid ? { ...v, otherConfig: new Map() } : v)) };
      assert.equal(routerVifDrift(noSetting, vm), undefined, 'an unmarked VM is not a router');
      assert.match(routerVifDrift(noSetting, marked) ?? '', new RegExp(`VIF ${vif.device} lacks ethtool-tx=off`));
      const allOff = { ...snapshot, vifs: snapshot.vifs.map((v) => ({ ...v, otherConfig: new Map([['ethtool-tx', 'off']]) })) };
      assert.equal(routerVifDrift(allOff, marked), undefined);
    });

    it('copies as a commented script whose commands are quoted like the transport quotes them', () => {
      const vm = snapshot.vms.find((v) => snapshot.vifs.some((f) => f.vmUuid === v.uuid));
      assert.ok(vm);
      const hostile: Vm = { ...vm, name: `r'1 $(id)`, powerState: 'running' };
      const s = { ...snapshot, vms: snapshot.vms.map((v) => (v.uuid === vm.uuid ? hostile : v)), vifs: snapshot.vifs.map((v) => ({ ...v, otherConfig: new Map() })) };
      const script = runbookScript(routerVmGuide(s, vm.uuid), s);
      assert.match(script, /^#!\/bin\/sh\n# Router VM \(pfSense \/ OPNsense\): r'1 \$\(id\)/);
      assert.match(script, new RegExp(`^xe vm-shutdown uuid=${vm.uuid}$`, 'm'));
      assert.match(script, /^# 4\. In the guest\n# {4}Install the Xen guest utilities/m);
      assert.doesNotMatch(script.split('\n').filter((l) => !l.startsWith('#')).join('\n'), /\$\(id\)/, 'names only ever appear in comments');
    });
  });

  describe('VLAN trunk', () => {
    it('asks before changing the management network, and refuses while attached VMs run', () => {
      const pif = snapshot.pifs.find((p) => p.management);
      assert.ok(pif);
      const halted = { ...snapshot, vms: snapshot.vms.map((v) => ({ ...v, powerState: 'halted' as const })) };
      const pre = vlanTrunkGuide(halted, pif.networkUuid).steps[0]?.preflight?.(halted);
      assert.equal(pre?.kind, 'warn');
      const attached = snapshot.vifs.find((v) => v.networkUuid === pif.networkUuid);
      if (attached) {
        const running = { ...snapshot, vms: snapshot.vms.map((v) => (v.uuid === attached.vmUuid ? { ...v, powerState: 'running' as const } : v)) };
        const refused = vlanTrunkGuide(running, pif.networkUuid).steps[0]?.preflight?.(running);
        assert.equal(refused?.kind, 'refuse');
      }
      assert.deepEqual(vlanTrunkGuide(halted, pif.networkUuid).steps[0]?.commands?.(halted), [['xe', 'network-param-set', `uuid=${pif.networkUuid}`, 'MTU=1504']]);
    });
  });

  describe('local nested KVM check', () => {
    it('wants vmx + ept and kvm_intel nested=Y (or svm + npt and kvm_amd nested=1)', () => {
      assert.equal(assessNestedKvm('flags\t\t: fpu vmx ept sse\n', { kvm_intel: 'Y\n' }).ok, true);
      assert.equal(assessNestedKvm('flags\t\t: fpu svm npt\n', { kvm_amd: '1\n' }).ok, true);
      const off = assessNestedKvm('flags\t\t: fpu vmx ept\n', { kvm_intel: 'N\n' });
      assert.equal(off.ok, false);
      assert.match(off.lines.join('\n'), /options kvm_intel nested=1/);
      assert.match(assessNestedKvm('flags\t\t: fpu sse\n', {}).lines.join('\n'), /neither vmx .* nor svm/);
      assert.equal(assessNestedKvm(undefined, {}).ok, false);
    });
  });
});
