// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../../../../preload/contract';
import { OUTCOME_DISPLAY_MS } from '../../../../../renderer/domain/call-outcome-text';
import { CallList } from '../../../../../renderer/features/call/CallList';
import { aCall, answered, aSnapshot, ended } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

afterEach(() => {
  vi.useRealTimers();
});

const panel = (name: string | RegExp) => screen.getByRole('region', { name });
const stateOf = (name: string | RegExp) => within(panel(name)).getByTestId('call-state').textContent;

const bob = aCall({ id: 'bob' });
const carol = aCall({ id: 'carol', startedAt: bob.startedAt + 60_000, peer: { uri: 'sip:1003@pbx.example.com', user: '1003', displayName: 'Carol' } });

describe('an incoming call', () => {
  it('shows the caller and Answer / Decline, which go to the engine', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(bob));
    expect(stateOf('Call with Bob Caller')).toBe('Incoming call');
    expect(within(panel('Call with Bob Caller')).getByText('1002')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Answer' }));
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    expect(telephony.operations).toEqual([
      { op: 'answer', callId: 'bob' },
      { op: 'decline', callId: 'bob', response: undefined },
    ]);
  });

  it('shows a caller name with markup as plain text', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(aCall({ peer: { uri: 'sip:x@y', user: 'x', displayName: '<img src=x onerror=alert(1)>' } })));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeDefined();
    expect(document.querySelector('img')).toBeNull();
  });

  it('answers with Enter and declines with Escape, as the buttons’ tooltips say', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(bob));
    expect(screen.getByRole('button', { name: 'Answer' }).title).toBe('Answer (Enter)');
    expect(screen.getByRole('button', { name: 'Decline' }).title).toBe('Decline (Esc)');
    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(telephony.operations.map((o) => o.op)).toEqual(['answer', 'decline']);
  });

  it('the notification’s Answer button answers it', async () => {
    const { desktop, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(bob));
    act(() => desktop.push(events.callAction, { callId: 'bob', action: 'answer' }));
    expect(telephony.operations).toEqual([{ op: 'answer', callId: 'bob' }]);
  });

  it('a caller who hangs up clears the call, showing "Missed call" for a few seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { telephony, desktop } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(bob));
    act(() => telephony.pushCall(ended(bob, 'cancelled', 'remote')));
    expect(stateOf('Call with Bob Caller')).toBe('Missed call');
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(desktop.callsTo(contract.calls.report).map((c) => c.state)).toEqual(['incoming', 'ended']);

    act(() => vi.advanceTimersByTime(OUTCOME_DISPLAY_MS));
    expect(screen.queryByTestId('call-panel')).toBeNull();
  });
});

describe('a call in progress', () => {
  it('counts the talk time every second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(bob.startedAt + 10_000);
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob, bob.startedAt + 10_000)));
    expect(screen.getByTestId('call-timer').textContent).toBe('00:00');
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByTestId('call-timer').textContent).toBe('00:01');
    act(() => vi.advanceTimersByTime(64_000));
    expect(screen.getByTestId('call-timer').textContent).toBe('01:05');
  });

  it('Mute and Hold keep their labels and show when they are on', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    await user.click(screen.getByRole('button', { name: 'Hold' }));
    expect(telephony.operations).toEqual([
      { op: 'setMuted', callId: 'bob', muted: true },
      { op: 'setHeld', callId: 'bob', held: true },
    ]);

    act(() => telephony.pushCall({ ...answered(bob), muted: true, held: true }));
    expect(stateOf('Call with Bob Caller')).toBe('On hold');
    expect(screen.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Hold' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Hold' }));
    expect(telephony.operations.at(-1)).toEqual({ op: 'setHeld', callId: 'bob', held: false });
  });

  it('shows when the other side put the call on hold', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall({ ...answered(bob), remoteHeld: true }));
    expect(stateOf('Call with Bob Caller')).toBe('Held by the other side');
  });

  it('sends keypad digits as tones', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    await user.click(screen.getByRole('button', { name: 'Keypad' }));
    await user.click(screen.getByRole('button', { name: 'Send digit 5' }));
    await user.click(screen.getByRole('button', { name: 'Send digit #' }));
    expect(telephony.opsOf('sendDtmf').map((o) => o.digits)).toEqual(['5', '#']);
    expect(screen.getByText('5#')).toBeDefined();
  });

  it('a remote hang-up clears the controls and says so, then the panel goes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    act(() => telephony.pushCall(ended(answered(bob), 'hangup', 'remote')));
    expect(stateOf('Call with Bob Caller')).toBe('The other side hung up');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByTestId('call-timer')).toBeNull();
    act(() => vi.advanceTimersByTime(OUTCOME_DISPLAY_MS));
    expect(screen.queryByTestId('call-panel')).toBeNull();
  });

  it('an outbound call that fails says why in plain words', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    const out = aCall({ id: 'out', direction: 'outbound', state: 'dialing', peer: { uri: 'sip:4999@pbx.example.com', user: '4999', displayName: null } });
    act(() => telephony.pushCall(out));
    expect(stateOf('Call with 4999')).toBe('Calling…');
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeDefined();
    act(() => telephony.pushCall(ended(out, 'not-found')));
    expect(stateOf('Call with 4999')).toBe('Number not found');
  });
});

describe('call waiting', () => {
  it('a second call rings with its own Hold & answer / Decline, and answering it holds the first', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([answered(bob), carol]));
    expect(within(panel('Call with Bob Caller')).queryByRole('button', { name: /answer/i })).toBeNull();
    expect(within(panel('Call with Carol')).getByRole('button', { name: 'Decline' })).toBeDefined();
    await user.click(within(panel('Call with Carol')).getByRole('button', { name: 'Hold & answer' }));
    expect(telephony.operations).toEqual([
      { op: 'setHeld', callId: 'bob', held: true },
      { op: 'answer', callId: 'carol' },
    ]);
  });

  it('"Switch" on the held call swaps the two', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([{ ...answered(bob), held: true }, answered(carol)]));
    expect(within(panel('Call with Carol')).queryByRole('button', { name: 'Switch' })).toBeNull();
    await user.click(within(panel('Call with Bob Caller')).getByRole('button', { name: 'Switch' }));
    expect(telephony.operations).toEqual([
      { op: 'setHeld', callId: 'carol', held: true },
      { op: 'setHeld', callId: 'bob', held: false },
    ]);
  });

  it('Enter answers the call ringing in, not the one in progress', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([answered(bob), carol]));
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(telephony.operations.at(-1)).toEqual({ op: 'answer', callId: 'carol' });
    await user.keyboard('{Escape}');
    expect(telephony.operations.at(-1)).toEqual({ op: 'decline', callId: 'carol', response: undefined });
  });

  it('Enter on a focused call button does what that button says', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([answered(bob), carol]));
    within(panel('Call with Carol')).getByRole('button', { name: 'Decline' }).focus();
    await user.keyboard('{Enter}');
    expect(telephony.operations).toEqual([{ op: 'decline', callId: 'carol', response: undefined }]);
  });

  it('Enter and Escape reach a ringing call from an empty text field, but not while the agent is typing in one', async () => {
    const { telephony } = await renderWithStore(
      <>
        <CallList />
        <input aria-label="Notes" />
        <div aria-label="Comment" contentEditable suppressContentEditableWarning>
          Call back
        </div>
      </>,
      { snapshot: aSnapshot() },
    );
    act(() => telephony.pushCall(bob));
    const notes = screen.getByLabelText<HTMLInputElement>('Notes');
    fireEvent.keyDown(notes, { key: 'Enter' });
    expect(telephony.operations).toEqual([{ op: 'answer', callId: 'bob' }]);

    telephony.operations.length = 0;
    notes.value = 'Call back tomorrow';
    fireEvent.keyDown(notes, { key: 'Enter' });
    fireEvent.keyDown(notes, { key: 'Escape' });
    fireEvent.keyDown(screen.getByLabelText('Comment'), { key: 'Enter' });
    expect(telephony.operations).toEqual([]);
  });

  it('leaves Enter to a select or a checkbox, while Escape still declines', async () => {
    const { telephony } = await renderWithStore(
      <>
        <CallList />
        <select aria-label="Queue">
          <option>Sales</option>
        </select>
        <input type="checkbox" aria-label="Record" />
      </>,
      { snapshot: aSnapshot() },
    );
    act(() => telephony.pushCall(bob));
    fireEvent.keyDown(screen.getByLabelText('Queue'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByLabelText('Record'), { key: 'Enter' });
    expect(telephony.operations).toEqual([]);
    fireEvent.keyDown(screen.getByLabelText('Queue'), { key: 'Escape' });
    expect(telephony.operations).toEqual([{ op: 'decline', callId: 'bob', response: undefined }]);
  });
});
