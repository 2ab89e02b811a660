import type { SecretStore } from '../../../src/core/ssh/secretStore';

/** A SecretStore in memory that also records what was done to it, in order. */
export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>();
  readonly operations: string[] = [];

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  set(key: string, value: string): Promise<void> {
    this.operations.push(`set ${key}=${value}`);
    this.values.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.operations.push(`delete ${key}`);
    this.values.delete(key);
    return Promise.resolve();
  }
}
