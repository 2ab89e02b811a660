import { masterOf, type Dom0State, type SimRecord, type SimState } from '../state/simState';

/** The dom0 the stand-ins run on: the pool master's (one sshd serves the master). */
export function dom0Of(state: SimState): { host: SimRecord; dom0: Dom0State } {
  const host = masterOf(state);
  const dom0 = host?.['_dom0'] as Dom0State | undefined;
  if (!host || !dom0) throw new Error('the simulated pool has no master with a dom0');
  return { host, dom0 };
}
