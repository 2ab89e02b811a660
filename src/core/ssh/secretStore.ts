/**
 * Where passwords and key passphrases are kept between sessions. The vscode layer implements it with
 * SecretStorage; tests with a Map. Core never writes secrets anywhere else.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}
