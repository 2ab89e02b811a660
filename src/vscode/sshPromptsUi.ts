import * as vscode from 'vscode';
import type { PassphraseQuestion, PasswordQuestion, SshPrompts, UnknownHostKeyQuestion } from '../core/ssh/sshPrompts';

export const TRUST_HOST_KEY = 'Trust and Connect';

/**
 * The questions a connection asks, shown as VS Code modals and input boxes. Tests of the extension host may
 * put their own answers in front (`override`), since a modal cannot be clicked from inside the host; the UI
 * smoke test clicks the real one.
 */
export class SshPromptsUi implements SshPrompts {
  override: Partial<SshPrompts> | undefined;

  async confirmUnknownHostKey(question: UnknownHostKeyQuestion): Promise<boolean> {
    if (this.override?.confirmUnknownHostKey) return this.override.confirmUnknownHostKey(question);
    const where = question.port === 22 ? question.host : `${question.host} port ${question.port}`;
    const other = question.otherKnownFingerprints.length
      ? `\n\nKeys of other types are on record for this host: ${question.otherKnownFingerprints.join(', ')}.`
      : '';
    const choice = await vscode.window.showWarningMessage(
      `The authenticity of ${where} can't be established.`,
      {
        modal: true,
        detail:
          `${question.keyType} key fingerprint is ${question.fingerprint}.\n\n` +
          `Compare it with the output of "ssh-keygen -lf /etc/ssh/ssh_host_${shortType(question.keyType)}_key.pub" on the host ` +
          `before you trust it. Nothing has been sent to the host yet.${other}`,
      },
      TRUST_HOST_KEY,
    );
    return choice === TRUST_HOST_KEY;
  }

  async askPassword(question: PasswordQuestion): Promise<string | undefined> {
    if (this.override?.askPassword) return this.override.askPassword(question);
    return vscode.window.showInputBox({
      title: `Password for ${question.user}@${question.host}`,
      prompt: question.retry ? 'That password was rejected. Try again.' : 'Kept in VS Code secret storage until it is rejected.',
      password: true,
      ignoreFocusOut: true,
    });
  }

  async askPassphrase(question: PassphraseQuestion): Promise<string | undefined> {
    if (this.override?.askPassphrase) return this.override.askPassphrase(question);
    return vscode.window.showInputBox({
      title: `Passphrase for ${question.identityFile}`,
      prompt: question.retry ? 'That passphrase did not decrypt the key. Try again.' : 'Asked once and kept in VS Code secret storage.',
      password: true,
      ignoreFocusOut: true,
    });
  }
}

function shortType(keyType: string): string {
  if (keyType.includes('ed25519')) return 'ed25519';
  if (keyType.startsWith('ecdsa')) return 'ecdsa';
  return 'rsa';
}
