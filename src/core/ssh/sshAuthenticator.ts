import * as fs from 'node:fs/promises';
import { utils, type AnyAuthMethod, type AuthenticationType, type AuthHandlerMiddleware, type ParsedKey } from 'ssh2';
import { CancelledError } from '../errors';
import type { Log } from '../log';
import type { SecretStore } from './secretStore';
import type { SshPrompts } from './sshPrompts';
import type { SshTarget } from './sshTarget';

export interface SshAuthenticatorOptions {
  readonly target: SshTarget;
  readonly secrets: SecretStore;
  readonly prompts: Pick<SshPrompts, 'askPassword' | 'askPassphrase'>;
  /** ssh-agent socket (`SSH_AUTH_SOCK`); no agent when undefined. */
  readonly agentSocket?: string;
  /** Wraps time spent waiting for the user (the connect timeout pauses meanwhile). */
  readonly whileAsking: <T>(work: () => Promise<T>) => Promise<T>;
  readonly log: Log;
}

/** Secret-store keys: one password per login, one passphrase per key file. */
export function passwordSecretKey(target: SshTarget): string {
  return `ssh.password:${target.user}@${target.host}:${target.port}`;
}

export function passphraseSecretKey(identityFile: string): string {
  return `ssh.passphrase:${identityFile}`;
}

/** A password is tried at most twice per login: the stored (or first asked) one, then one re-ask. */
const PASSWORD_ATTEMPTS = 2;
/** The same for a key's passphrase. */
const PASSPHRASE_ASKS = 2;

/**
 * Drives ssh2's authentication for one login attempt, in the order the design asks for: ssh-agent, then the
 * identity file (asking its passphrase once, remembered in the secret store), then a password (remembered
 * once it worked, forgotten when rejected, asked again once). Methods the server does not offer are skipped.
 */
export class SshAuthenticator {
  /** What was tried, for the "permission denied" message. */
  readonly tried: string[] = [];
  /** Why authentication stopped early (the user cancelled a prompt); replaces ssh2's generic error. */
  failure: Error | undefined;
  /** Methods the server offers, from its first refusal. */
  serverMethods: readonly string[] | undefined;

  private agentDone = false;
  private keyDone = false;
  private passwordAttempts = 0;
  private lastPassword: { readonly value: string; readonly stored: boolean } | undefined;

  constructor(private readonly options: SshAuthenticatorOptions) {}

  readonly handler: AuthHandlerMiddleware = (methodsLeft, _partialSuccess, next) => {
    this.nextMethod(methodsLeft).then(
      (method) => next(method),
      (error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
        next(noMoreMethods);
      },
    );
  };

  /** Called when the server accepted the login: the password that worked is remembered now, not before. */
  async loginSucceeded(): Promise<void> {
    if (this.lastPassword && !this.lastPassword.stored) {
      await this.options.secrets.set(passwordSecretKey(this.options.target), this.lastPassword.value);
    }
  }

  private async nextMethod(methodsLeft: AuthenticationType[] | null): Promise<AnyAuthMethod | AuthenticationType> {
    const username = this.options.target.user;
    // ssh2 passes null before the first attempt; a 'none' request makes the server list what it accepts.
    if (methodsLeft === null) {
      return { type: 'none', username };
    }
    this.serverMethods = methodsLeft;
    const offers = (method: string): boolean => methodsLeft.includes(method as AuthenticationType);

    if (this.lastPassword) {
      await this.passwordRejected();
    }
    if (!this.agentDone) {
      this.agentDone = true;
      if (offers('publickey') && this.options.agentSocket) {
        this.tried.push('ssh-agent');
        return { type: 'agent', username, agent: this.options.agentSocket };
      }
    }
    if (!this.keyDone) {
      this.keyDone = true;
      const file = this.options.target.identityFile;
      if (offers('publickey') && file) {
        const key = await this.loadKey(file);
        if (key) {
          this.tried.push(`key ${file}`);
          return { type: 'publickey', username, key };
        }
      }
    }
    if ((offers('password') || offers('keyboard-interactive')) && this.passwordAttempts < PASSWORD_ATTEMPTS) {
      const password = await this.nextPassword();
      this.tried.push('password');
      if (offers('password')) {
        return { type: 'password', username, password };
      }
      // Servers with PAM often offer only keyboard-interactive; its prompts then ask for the same password.
      return {
        type: 'keyboard-interactive',
        username,
        prompt: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => password)),
      };
    }
    return noMoreMethods;
  }

  private async passwordRejected(): Promise<void> {
    if (this.lastPassword?.stored) {
      this.options.log.info(`Stored password for ${this.options.target.user}@${this.options.target.host} was rejected; forgetting it.`);
      await this.options.secrets.delete(passwordSecretKey(this.options.target));
    }
    this.lastPassword = undefined;
  }

  private async nextPassword(): Promise<string> {
    const { target, secrets, prompts } = this.options;
    const first = this.passwordAttempts === 0;
    this.passwordAttempts++;
    if (first) {
      const stored = await secrets.get(passwordSecretKey(target));
      if (stored !== undefined) {
        this.lastPassword = { value: stored, stored: true };
        return stored;
      }
    }
    const question = { user: target.user, host: target.host, port: target.port, retry: !first };
    const answer = await this.options.whileAsking(() => prompts.askPassword(question));
    if (answer === undefined) {
      throw new CancelledError('Password entry cancelled');
    }
    this.lastPassword = { value: answer, stored: false };
    return answer;
  }

  /**
   * The decrypted key (handed to ssh2 parsed, so a slow bcrypt passphrase derivation runs once), or
   * undefined when the key cannot be used.
   */
  private async loadKey(file: string): Promise<ParsedKey | undefined> {
    const { secrets, prompts, log } = this.options;
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch (error) {
      log.warn(`Cannot read identity file ${file}: ${(error as Error).message}`);
      this.tried.push(`key ${file} (unreadable)`);
      return undefined;
    }
    const plain = firstKey(utils.parseKey(data));
    if (!(plain instanceof Error)) {
      if (plain.isPrivateKey()) {
        return plain;
      }
      log.warn(`Identity file ${file} holds a public key, not a private one.`);
      this.tried.push(`key ${file} (not a private key)`);
      return undefined;
    }
    if (!/no passphrase given/i.test(plain.message)) {
      log.warn(`Cannot use identity file ${file}: ${plain.message}`);
      this.tried.push(`key ${file} (unusable)`);
      return undefined;
    }
    const decrypt = (passphrase: string): ParsedKey | undefined => {
      const key = firstKey(utils.parseKey(data, passphrase));
      return key instanceof Error ? undefined : key;
    };
    const secretKey = passphraseSecretKey(file);
    const stored = await secrets.get(secretKey);
    if (stored !== undefined) {
      const key = decrypt(stored);
      if (key) {
        return key;
      }
      await secrets.delete(secretKey);
    }
    for (let ask = 0; ask < PASSPHRASE_ASKS; ask++) {
      const retry = ask > 0 || stored !== undefined;
      const answer = await this.options.whileAsking(() => prompts.askPassphrase({ identityFile: file, retry }));
      if (answer === undefined) {
        throw new CancelledError('Passphrase entry cancelled');
      }
      const key = decrypt(answer);
      if (key) {
        await secrets.set(secretKey, answer);
        return key;
      }
    }
    log.warn(`Wrong passphrase for ${file}; skipping the key.`);
    this.tried.push(`key ${file} (wrong passphrase)`);
    return undefined;
  }
}

/** OpenSSH's key format can hold several keys; ssh uses the first. */
function firstKey(parsed: ParsedKey | ParsedKey[] | Error): ParsedKey | Error {
  if (Array.isArray(parsed)) {
    return parsed[0] ?? new Error('The key file holds no key');
  }
  return parsed;
}

/** ssh2 takes `false` for "no more methods", though its typings only admit method names. */
const noMoreMethods = false as unknown as AuthenticationType;
