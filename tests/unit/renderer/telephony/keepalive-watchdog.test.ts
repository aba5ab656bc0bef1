import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForSilence } from '../../../../renderer/telephony/keepalive-watchdog';

const message = (data: string): Event => Object.assign(new Event('message'), { data });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function watch(socket = new EventTarget()) {
  const onSilent = vi.fn();
  const probe = vi.fn();
  const stop = watchForSilence(socket, { silenceMs: 30_000, graceMs: 5_000, probe, onSilent });
  return { socket, onSilent, probe, stop };
}

describe('noticing a silent WebSocket', () => {
  it('stays quiet until the server has answered one keep-alive ping', () => {
    const { socket, onSilent, probe } = watch();
    socket.dispatchEvent(message('SIP/2.0 200 OK\r\n\r\n'));
    vi.advanceTimersByTime(10 * 60_000);
    expect(probe).not.toHaveBeenCalled();
    expect(onSilent).not.toHaveBeenCalled();
  });

  it('probes the server after the limit passes without any message, and gives up once when the probe goes unanswered', () => {
    const { socket, onSilent, probe } = watch();
    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(20_000);
    socket.dispatchEvent(message('NOTIFY sip:x SIP/2.0\r\n\r\n')); // any traffic proves life
    vi.advanceTimersByTime(29_999);
    expect(probe).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(onSilent).not.toHaveBeenCalled(); // not a verdict yet

    vi.advanceTimersByTime(4_999);
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilent).toHaveBeenCalledTimes(1);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);

    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(60_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('does not fail after a long pause when the pong arrives within the grace period', () => {
    const { socket, onSilent, probe } = watch();
    socket.dispatchEvent(message('\r\n'));
    // The renderer was paused for 45 s: on waking the silence timer runs first, before the queued pong.
    vi.setSystemTime(Date.now() + 15_000);
    vi.advanceTimersByTime(30_000);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50); // then the pong (to sip.js's ping or to our probe) is delivered
    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(5_000);
    expect(onSilent).not.toHaveBeenCalled();

    // the clock restarted from the pong: the next probe comes 30 s after it
    vi.advanceTimersByTime(24_950);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('any message cancels a probe in flight, SIP traffic included', () => {
    const { socket, onSilent, probe } = watch();
    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(30_000);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4_000);
    socket.dispatchEvent(message('OPTIONS sip:1001@127.0.0.1 SIP/2.0\r\n\r\n'));
    vi.advanceTimersByTime(29_000);
    expect(onSilent).not.toHaveBeenCalled();
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('probes again rather than fail when the grace timer itself fired long after it was due (another pause)', () => {
    const { socket, onSilent, probe } = watch();
    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(30_000);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 60_000); // paused again during the grace period
    vi.advanceTimersByTime(5_000);
    expect(onSilent).not.toHaveBeenCalled();
    expect(probe).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5_000); // ran on time, still no answer: dead
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it('still gives up when sending the probe throws', () => {
    const socket = new EventTarget();
    const onSilent = vi.fn();
    watchForSilence(socket, {
      silenceMs: 30_000,
      graceMs: 5_000,
      probe: () => {
        throw new Error('socket closing');
      },
      onSilent,
    });
    socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(35_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it('stops when the socket closes or when told to, leaving no timer', () => {
    const closing = watch();
    closing.socket.dispatchEvent(message('\r\n'));
    closing.socket.dispatchEvent(new Event('close'));
    expect(vi.getTimerCount()).toBe(0);

    const probing = watch();
    probing.socket.dispatchEvent(message('\r\n'));
    vi.advanceTimersByTime(30_000);
    expect(probing.probe).toHaveBeenCalledTimes(1);
    probing.socket.dispatchEvent(new Event('close')); // closed while the probe was out
    expect(vi.getTimerCount()).toBe(0);

    const stopped = watch();
    stopped.socket.dispatchEvent(message('\r\n'));
    stopped.stop();
    stopped.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(closing.onSilent).not.toHaveBeenCalled();
    expect(probing.onSilent).not.toHaveBeenCalled();
    expect(stopped.onSilent).not.toHaveBeenCalled();
  });
});
