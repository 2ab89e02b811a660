import type { ClientChannel } from 'ssh2';

/** Asks the remote process to stop (sshd honours "signal" requests since 8.1) and closes the channel. */
export function stopChannel(channel: ClientChannel): void {
  try {
    channel.signal('TERM');
  } catch {
    // The channel may already be closing; closing it below is what matters.
  }
  try {
    channel.close();
  } catch {
    // Already closed.
  }
}
