import * as assert from 'node:assert/strict';
import { CancelledError } from '../../../src/core/errors';
import { ChannelSlots } from '../../../src/core/ssh/channelSlots';

describe('ChannelSlots', () => {
  it('grants up to the limit at once, then queues in arrival order', async () => {
    const slots = new ChannelSlots(2);
    const first = await slots.acquire();
    await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => {
      order.push('third');
      return release;
    });
    const fourth = slots.acquire().then((release) => {
      order.push('fourth');
      return release;
    });
    assert.equal(slots.inUse, 2);
    first();
    (await third)();
    await fourth;
    assert.deepEqual(order, ['third', 'fourth']);
  });

  it('ignores a second release of the same slot', async () => {
    const slots = new ChannelSlots(3);
    const release = await slots.acquire();
    await slots.acquire();
    release();
    release();
    assert.equal(slots.inUse, 1);
  });

  it('lowers the limit to what the server allowed, never below one', async () => {
    const slots = new ChannelSlots(8);
    slots.lowerLimitTo(3);
    assert.equal(slots.limit, 3);
    slots.lowerLimitTo(0);
    assert.equal(slots.limit, 1);
    slots.lowerLimitTo(5);
    assert.equal(slots.limit, 1, 'a lowered limit does not rise again');
  });

  it('drops a waiter whose signal aborts, and the next waiter gets the slot', async () => {
    const slots = new ChannelSlots(1);
    const held = await slots.acquire();
    const controller = new AbortController();
    const cancelled = slots.acquire(controller.signal);
    const next = slots.acquire();
    controller.abort();
    await assert.rejects(cancelled, CancelledError);
    held();
    await next;
    assert.equal(slots.inUse, 1);
  });

  it('fails every waiter when the connection goes away', async () => {
    const slots = new ChannelSlots(1);
    await slots.acquire();
    const waiting = [slots.acquire(), slots.acquire()];
    slots.refuseWaiters(new Error('gone'));
    for (const waiter of waiting) {
      await assert.rejects(waiter, /gone/);
    }
  });
});
