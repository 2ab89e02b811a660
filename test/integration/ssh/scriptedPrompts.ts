import type { PassphraseQuestion, PasswordQuestion, SshPrompts, UnknownHostKeyQuestion } from '../../../src/core/ssh/sshPrompts';

/**
 * SshPrompts answered from scripts given by the test, recording every question. A question the script did
 * not expect fails the test (an answer of `undefined` is the user pressing Escape).
 */
export class ScriptedPrompts implements SshPrompts {
  readonly hostKeyQuestions: UnknownHostKeyQuestion[] = [];
  readonly passwordQuestions: PasswordQuestion[] = [];
  readonly passphraseQuestions: PassphraseQuestion[] = [];

  constructor(
    private readonly script: {
      acceptHostKey?: boolean;
      passwords?: Array<string | undefined>;
      passphrases?: Array<string | undefined>;
    } = {},
  ) {}

  confirmUnknownHostKey(question: UnknownHostKeyQuestion): Promise<boolean> {
    this.hostKeyQuestions.push(question);
    if (this.script.acceptHostKey === undefined) {
      return Promise.reject(new Error(`unexpected host key question for ${question.host}:${question.port}`));
    }
    return Promise.resolve(this.script.acceptHostKey);
  }

  askPassword(question: PasswordQuestion): Promise<string | undefined> {
    this.passwordQuestions.push(question);
    return this.next(this.script.passwords, 'password');
  }

  askPassphrase(question: PassphraseQuestion): Promise<string | undefined> {
    this.passphraseQuestions.push(question);
    return this.next(this.script.passphrases, 'passphrase');
  }

  private next(answers: Array<string | undefined> | undefined, what: string): Promise<string | undefined> {
    if (!answers || answers.length === 0) {
      return Promise.reject(new Error(`unexpected ${what} question`));
    }
    return Promise.resolve(answers.shift());
  }
}
