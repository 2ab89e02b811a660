import { StringDecoder } from 'node:string_decoder';
import type { ClientChannel } from 'ssh2';

export interface ExecOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly signal?: string;
}

/**
 * Reads an exec channel to its end: stdout and stderr as UTF-8 (a character split across two packets is
 * decoded whole), then the exit status. Writes `stdin` first and always sends EOF, so a command that reads
 * its input does not wait forever. Resolves when the channel closes.
 */
export function collectExecOutput(channel: ClientChannel, stdin?: string | Buffer): Promise<ExecOutput> {
  return new Promise<ExecOutput>((resolve, reject) => {
    const out = new StringDecoder('utf8');
    const err = new StringDecoder('utf8');
    let stdout = '';
    let stderr = '';
    let code: number | null = null;
    let signal: string | undefined;

    channel.on('data', (chunk: Buffer) => {
      stdout += out.write(chunk);
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      stderr += err.write(chunk);
    });
    channel.on('exit', (exitCode: number | null, signalName?: string) => {
      code = exitCode;
      if (exitCode === null && signalName) {
        signal = signalName;
      }
    });
    channel.on('error', reject);
    channel.on('close', () => {
      stdout += out.end();
      stderr += err.end();
      resolve({ stdout, stderr, code, ...(signal ? { signal } : {}) });
    });
    if (stdin !== undefined) {
      channel.end(stdin);
    } else {
      channel.end();
    }
  });
}
