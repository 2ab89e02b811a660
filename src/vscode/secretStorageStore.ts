import type * as vscode from 'vscode';
import type { SecretStore } from '../core/ssh/secretStore';

/** Core's SecretStore on VS Code's SecretStorage (the OS keychain where there is one). */
export function secretStorageStore(secrets: vscode.SecretStorage): SecretStore {
  return {
    get: async (key) => secrets.get(key),
    set: async (key, value) => secrets.store(key, value),
    delete: async (key) => secrets.delete(key),
  };
}
