import type { Client } from 'ssh2';
import type { ChannelSlots, ReleaseSlot } from './channelSlots';

export type OpenChannel<T> = (client: Client, callback: (error: Error | undefined, channel: T) => void) => void;

/**
 * Opens a channel within the slot limit. When the server refuses one while others are open (sshd's
 * MaxSessions), the limit drops to what it accepted and the request waits for a free slot instead of failing.
 * `mayLower` says whether the connection is still the live one (a refusal on a dying one proves nothing).
 */
export async function openSlottedChannel<T>(
  client: Client,
  slots: ChannelSlots,
  open: OpenChannel<T>,
  signal: AbortSignal | undefined,
  onRefusal: (othersOpen: number) => boolean,
): Promise<{ channel: T; release: ReleaseSlot }> {
  for (;;) {
    const release = await slots.acquire(signal);
    try {
      const channel = await new Promise<T>((resolve, reject) => {
        try {
          open(client, (error, opened) => (error ? reject(error) : resolve(opened)));
        } catch (error) {
          reject(error);
        }
      });
      return { channel, release };
    } catch (error) {
      const othersOpen = slots.inUse - 1;
      release();
      if (isChannelRefusal(error) && othersOpen > 0 && onRefusal(othersOpen)) {
        slots.lowerLimitTo(othersOpen);
        continue;
      }
      throw error;
    }
  }
}

/** ssh2 reports a refused channel open with the SSH reason code as a number. */
function isChannelRefusal(error: unknown): boolean {
  return error instanceof Error && typeof (error as { reason?: unknown }).reason === 'number';
}
