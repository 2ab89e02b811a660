/**
 * The questions a connection may need to ask the user. Core only declares them; the vscode layer shows a
 * modal or an input box. Each returns undefined (or false) when the user dismisses it.
 */
export interface UnknownHostKeyQuestion {
  readonly host: string;
  readonly port: number;
  readonly keyType: string;
  /** `SHA256:...`, as OpenSSH shows it, so the user can compare with `ssh-keygen -lf` on the host. */
  readonly fingerprint: string;
  /** Fingerprints of keys of other types already on record for this host, if any. */
  readonly otherKnownFingerprints: readonly string[];
}

export interface PasswordQuestion {
  readonly user: string;
  readonly host: string;
  readonly port: number;
  /** True when a password for this target was just rejected. */
  readonly retry: boolean;
}

export interface PassphraseQuestion {
  readonly identityFile: string;
  /** True when the passphrase given before did not decrypt the key. */
  readonly retry: boolean;
}

export interface SshPrompts {
  confirmUnknownHostKey(question: UnknownHostKeyQuestion): Promise<boolean>;
  askPassword(question: PasswordQuestion): Promise<string | undefined>;
  askPassphrase(question: PassphraseQuestion): Promise<string | undefined>;
}
