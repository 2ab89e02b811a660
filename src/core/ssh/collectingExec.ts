import type { ClientChannel } from 'ssh2';
import { collectExecOutput, type ExecOutput } from './collectExecOutput';
import type { OpenChannel } from './openSlottedChannel';

/** An exec channel opener, and the reading of the channel it opened last. */
export interface CollectingExec {
  readonly open: OpenChannel<ClientChannel>;
  /** The output of the channel `open` handed over; only called after it did. */
  readonly output: () => Promise<ExecOutput>;
}

/**
 * Opens `commandLine` with `client.exec` and starts reading the channel inside ssh2's callback. A fast command's
 * output, exit status and close can arrive in the same socket read as the channel's confirmation, and ssh2
 * emits 'exit' once, to whoever listens then: a listener added after a promise continuation missed it and saw
 * exit code null.
 */
export function collectingExec(commandLine: string, stdin?: string | Buffer): CollectingExec {
  let output: Promise<ExecOutput> | undefined;
  return {
    open: (client, callback) =>
      client.exec(commandLine, (error, channel) => {
        if (!error) output = collectExecOutput(channel, stdin);
        callback(error, channel);
      }),
    output: () => {
      if (!output) throw new Error('collectingExec: no channel was opened');
      return output;
    },
  };
}
