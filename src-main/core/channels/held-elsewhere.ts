import type { Channel, ChannelStatusView } from '../../../src-preload/contract';
import type { RunningChannel } from '../domain/connector';
import type { HostLockHolder } from '../store/host-lock';

/**
 * What stands in for a connector while another console holds the host lock: it polls nothing and
 * tells the officer which PC does, in the channel's own status line.
 */
export function heldElsewhere(channel: Channel, holder: HostLockHolder, now: number): RunningChannel {
  const view: ChannelStatusView = {
    channel,
    account: '',
    state: 'disabled',
    detail: [{ code: 'channel.host_locked', params: { hostname: holder.hostname, pid: holder.pid } }],
    nextRetryAt: null,
    updatedAt: now,
  };
  return {
    channel,
    status: () => view,
    reconnect: () => undefined,
    reload: async () => undefined,
    stop: async () => undefined,
  };
}
