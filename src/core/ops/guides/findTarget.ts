import type { Host, LabSnapshot, Network, Vm } from '../../lab/labModel';
import { OperationError } from '../operationError';

/** The guide's target as read now; a target gone from the pool stops the guide before anything is sent. */
export function findVm(snapshot: LabSnapshot, uuid: string): Vm {
  const vm = snapshot.vms.find((v) => v.uuid === uuid);
  if (!vm) throw new OperationError('the VM is no longer in the pool', false);
  return vm;
}

export function findHost(snapshot: LabSnapshot, uuid: string): Host {
  const host = snapshot.hosts.find((h) => h.uuid === uuid);
  if (!host) throw new OperationError('the host is no longer in the pool', false);
  return host;
}

export function findNetwork(snapshot: LabSnapshot, uuid: string): Network {
  const network = snapshot.networks.find((n) => n.uuid === uuid);
  if (!network) throw new OperationError('the network is no longer in the pool', false);
  return network;
}
