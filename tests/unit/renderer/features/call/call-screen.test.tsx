// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CallList } from '../../../../../renderer/features/call/CallList';
import { RingdeskStoreProvider } from '../../../../../renderer/store/RingdeskStoreProvider';
import { aCall, answered, aSnapshot, ended } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

const panel = (name: string | RegExp) => screen.getByRole('region', { name });
const bob = aCall({ id: 'bob' });
const carol = aCall({ id: 'carol', startedAt: bob.startedAt + 60_000, peer: { uri: 'sip:1003@pbx.example.com', user: '1003', displayName: 'Carol' } });
const dave = aCall({ id: 'dave', direction: 'outbound', state: 'dialing', peer: { uri: 'sip:4999@pbx.example.com', user: '4999', displayName: null } });

describe('the full call screen', () => {
  it('shows the caller’s initials, or a person icon for a bare number', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    expect(panel('Call with Bob Caller').querySelector('.call-avatar')?.textContent).toBe('BC');
    act(() => telephony.pushCalls([ended(answered(bob), 'hangup'), dave]));
    expect(panel('Call with 4999').querySelector('.call-avatar svg')).not.toBeNull();
  });

  it('shows Mute as pressed, with the crossed-out microphone, while muted', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    const mute = () => screen.getByRole('button', { name: 'Mute' });
    expect(mute().getAttribute('aria-pressed')).toBe('false');
    expect(mute().querySelector('.lucide-mic-off')).toBeNull();
    act(() => telephony.pushCall({ ...answered(bob), muted: true }));
    expect(mute().getAttribute('aria-pressed')).toBe('true');
    expect(mute().querySelector('.lucide-mic-off')).not.toBeNull();
    expect(mute().textContent).toBe('Mute');
  });

  it('has Hang up as its only red action, each action with a visible label', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    const buttons = within(panel('Call with Bob Caller')).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Mute', 'Hold', 'Keypad', 'Transfer', 'Consult', 'Hang up']);
    expect(buttons.filter((b) => b.classList.contains('danger')).map((b) => b.textContent)).toEqual(['Hang up']);
  });

  it('Keypad opens the keypad inside the call card and closes it again', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    const keypad = screen.getByRole('button', { name: 'Keypad' });
    expect(screen.queryByRole('group', { name: 'Keypad' })).toBeNull();
    await user.click(keypad);
    expect(keypad.getAttribute('aria-expanded')).toBe('true');
    expect(within(panel('Call with Bob Caller')).getByRole('group', { name: 'Keypad' })).toBeDefined();
    await user.click(keypad);
    expect(keypad.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: 'Keypad' })).toBeNull();
  });

  it('keeps the keypad open while the agent looks at another view and comes back', async () => {
    const { user, telephony, store, rerender } = await renderWithStore(<CallList variant="full" />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    await user.click(screen.getByRole('button', { name: 'Keypad' }));
    rerender(<RingdeskStoreProvider store={store}><CallList variant="compact" /></RingdeskStoreProvider>);
    expect(screen.queryByRole('group', { name: 'Keypad' })).toBeNull();
    rerender(<RingdeskStoreProvider store={store}><CallList variant="full" /></RingdeskStoreProvider>);
    await user.click(screen.getByRole('button', { name: 'Send digit 7' }));
    expect(telephony.opsOf('sendDtmf').map((o) => o.digits)).toEqual(['7']);
  });

  it('rings in with a big Answer and Decline', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(bob));
    const buttons = within(panel('Call with Bob Caller')).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Answer', 'Decline']);
  });
});

describe('the compact call rows (other views)', () => {
  it('shows a live call on one line with its talk time, Mute and Hang up', async () => {
    const { user, telephony } = await renderWithStore(<CallList variant="compact" />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    const row = panel('Call with Bob Caller');
    expect(within(row).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Mute', 'Hang up']);
    expect(within(row).getByTestId('call-timer')).toBeDefined();
    expect(within(row).getByTestId('call-state').textContent).toBe('Connected');
    await user.click(within(row).getByRole('button', { name: 'Hang up' }));
    expect(telephony.operations).toEqual([{ op: 'hangup', callId: 'bob' }]);
  });

  it('lets a ringing call be answered or declined from the row', async () => {
    const { user, telephony } = await renderWithStore(<CallList variant="compact" />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(bob));
    await user.click(within(panel('Call with Bob Caller')).getByRole('button', { name: 'Answer' }));
    expect(telephony.operations).toEqual([{ op: 'answer', callId: 'bob' }]);
    expect(within(panel('Call with Bob Caller')).getByRole('button', { name: 'Decline' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Keypad' })).toBeNull();
  });
});

describe('two calls at once', () => {
  it('shows the waiting call above the one in progress, with Hold & answer and Decline', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([answered(bob), carol]));
    const panels = screen.getAllByTestId('call-panel').map((p) => p.getAttribute('aria-label'));
    expect(panels).toEqual(['Call with Carol', 'Call with Bob Caller']);
    expect(within(panel('Call with Carol')).getByRole('button', { name: 'Hold & answer' }).title).toBe('Put the current call on hold and answer (Enter)');
    await user.click(within(panel('Call with Carol')).getByRole('button', { name: 'Decline' }));
    expect(telephony.operations).toEqual([{ op: 'decline', callId: 'carol', response: undefined }]);
  });

  it('shows the call being talked on in full and the held one as a row, one click swapping them', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([{ ...answered(bob), held: true }, answered(carol)]));
    expect(panel('Call with Carol').classList.contains('call-card')).toBe(true);
    const held = panel('Call with Bob Caller');
    expect(held.classList.contains('call-row')).toBe(true);
    expect(within(held).getByTestId('call-state').textContent).toBe('On hold');
    await user.click(within(held).getByRole('button', { name: 'Switch' }));
    expect(telephony.operations).toEqual([
      { op: 'setHeld', callId: 'carol', held: true },
      { op: 'setHeld', callId: 'bob', held: false },
    ]);

    act(() => telephony.pushCalls([answered(bob), { ...answered(carol), held: true }]));
    expect(panel('Call with Bob Caller').classList.contains('call-card')).toBe(true);
    expect(within(panel('Call with Carol')).getByRole('button', { name: 'Switch' })).toBeDefined();
  });
});

describe('ended calls', () => {
  it('a single ended call keeps its outcome line', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(dave));
    act(() => telephony.pushCall(ended(dave, 'busy')));
    expect(within(panel('Call with 4999')).getByTestId('call-state').textContent).toBe('Busy');
  });

  it('several fold into one line that opens to show each outcome', async () => {
    const { user, telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([answered(bob), carol, dave]));
    act(() => telephony.pushCalls([ended(answered(bob), 'hangup'), ended(carol, 'cancelled'), ended(dave, 'busy')]));
    const summary = screen.getByRole('button', { name: '3 calls ended' });
    expect(summary.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryAllByTestId('call-panel')).toHaveLength(0);
    await user.click(summary);
    expect(screen.getAllByTestId('call-state').map((s) => s.textContent)).toEqual(['The other side hung up', 'Missed call', 'Busy']);
  });

  it('fold below a live call, which stays in full', async () => {
    const { telephony } = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
    act(() => telephony.pushCalls([carol, dave, answered(bob)]));
    act(() => telephony.pushCalls([ended(carol, 'cancelled'), ended(dave, 'busy'), answered(bob)]));
    expect(screen.getByRole('button', { name: '2 calls ended' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeDefined();
  });
});
