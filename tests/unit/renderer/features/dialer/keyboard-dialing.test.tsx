// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { CallList } from '../../../../../renderer/features/call/CallList';
import { Dialer } from '../../../../../renderer/features/dialer/Dialer';
import { TypedDigitsListener } from '../../../../../renderer/features/dialer/TypedDigitsListener';
import { aCall, aHistoryEntry, answered, aSnapshot, ended, somePreferences } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

const field = () => screen.getByLabelText<HTMLInputElement>('Number or SIP address');
const bob = aCall({ id: 'bob' });

/** The Phone view as the agent has it: calls, the dialer, the typed-digits listener, and a notes field of someone else's. */
function PhoneView() {
  return (
    <>
      <CallList />
      <Dialer />
      <TypedDigitsListener />
      <label>
        Notes
        <input type="text" />
      </label>
    </>
  );
}

describe('typing digits on the Phone view', () => {
  it('puts digits typed with nothing focused into the number field, which takes focus', async () => {
    const { user } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot({ preferences: somePreferences({ defaultCountry: 'GB' }) }) });
    await user.keyboard('020');
    expect(document.activeElement).toBe(field());
    await user.keyboard('79460958');
    expect(field().value).toBe('020 7946 0958');
  });

  it('takes digits typed on a button (the dial pad) to the field too', async () => {
    const { user } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    screen.getByRole('button', { name: '5' }).focus();
    await user.keyboard('+4');
    expect(field().value).toBe('+4');
    expect(document.activeElement).toBe(field());
  });

  it('leaves digits typed in another text field there', async () => {
    const { user } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    await user.click(screen.getByLabelText('Notes'));
    await user.keyboard('12');
    expect(screen.getByLabelText<HTMLInputElement>('Notes').value).toBe('12');
    expect(field().value).toBe('');
  });

  it('ignores digits with Ctrl, Meta or Alt (shortcuts)', async () => {
    const { user } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    await user.keyboard('{Control>}1{/Control}{Meta>}2{/Meta}{Alt>}3{/Alt}');
    expect(field().value).toBe('');
    expect(document.activeElement).not.toBe(field());
  });

  it('sends digits typed during a connected call as tones on it, not into the field', async () => {
    const { user, telephony } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    await user.keyboard('1#');
    expect(telephony.opsOf('sendDtmf')).toEqual([
      { op: 'sendDtmf', callId: 'bob', digits: '1' },
      { op: 'sendDtmf', callId: 'bob', digits: '#' },
    ]);
    expect(field().value).toBe('');
  });

  it('sends tones from the empty number field after Enter placed the call', async () => {
    const { user, telephony } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    await user.type(field(), '1002{Enter}');
    const callId = telephony.opsOf('dial')[0]!.callId;
    act(() => telephony.pushCall(answered(aCall({ id: callId, direction: 'outbound' }))));
    expect(document.activeElement).toBe(field());
    await user.keyboard('3');
    expect(telephony.opsOf('sendDtmf')).toEqual([{ op: 'sendDtmf', callId, digits: '3' }]);
    expect(field().value).toBe('');
  });

  it('keeps digits for the field while the call is on hold', async () => {
    const { user, telephony } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall({ ...answered(bob), held: true }));
    await user.keyboard('1003');
    expect(field().value).toBe('1003');
    expect(telephony.opsOf('sendDtmf')).toEqual([]);
  });
});

describe('focus around calls', () => {
  it('goes from the number field to Call with Tab, before the dial pad', async () => {
    const { user } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    await user.type(field(), '1002');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Call' }));
  });

  it('returns to the number field when the call is hung up', async () => {
    const { user, telephony } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(document.activeElement).not.toBe(field());
    act(() => telephony.pushCall(ended(answered(bob), 'hangup', 'local')));
    expect(document.activeElement).toBe(field());
  });

  it('leaves focus in a text field the agent is typing in when the caller hangs up', async () => {
    const { user, telephony } = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    act(() => telephony.pushCall(answered(bob)));
    await user.click(screen.getByLabelText('Notes'));
    act(() => telephony.pushCall(ended(answered(bob), 'hangup')));
    expect(document.activeElement).toBe(screen.getByLabelText('Notes'));
  });
});

describe('the recent-call suggestions as a combobox', () => {
  const carol = (id: string, user: string) =>
    aHistoryEntry({ id, peer: { uri: `sip:${user}@pbx.example.com`, user, displayName: `Carol ${id}` } });

  async function withSuggestions() {
    const rendered = await renderWithStore(<PhoneView />, { snapshot: aSnapshot() });
    rendered.desktop.answerOk(contract.history.query, { entries: [carol('A', '+12025550199'), carol('B', '+12025550100')], hasMore: false });
    await rendered.user.type(field(), 'car');
    await screen.findByRole('option', { name: /Carol A/ });
    return rendered;
  }

  it('says it is expanded, and highlights options with the arrow keys', async () => {
    const { user } = await withSuggestions();
    expect(field().getAttribute('role')).toBe('combobox');
    expect(field().getAttribute('aria-expanded')).toBe('true');
    expect(field().getAttribute('aria-activedescendant')).toBeNull();
    const options = within(screen.getByRole('listbox', { name: 'Recent calls' })).getAllByRole('option');

    await user.keyboard('{ArrowDown}');
    expect(field().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(field().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{ArrowUp}');
    expect(field().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
  });

  it('fills the field with the highlighted one on Enter, and a second Enter calls it', async () => {
    const { user, telephony } = await withSuggestions();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(field().value).toBe('(202) 555-0100');
    expect(telephony.opsOf('dial')).toEqual([]);
    await user.keyboard('{Enter}');
    expect(telephony.opsOf('dial').map((d) => d.targetUri)).toEqual(['sip:+12025550100@pbx.example.com']);
  });

  it('closes on Escape, and Enter then calls what is typed', async () => {
    const { user, telephony } = await withSuggestions();
    await user.keyboard('{ArrowDown}{Escape}');
    expect(field().getAttribute('aria-expanded')).toBe('false');
    expect(field().getAttribute('aria-activedescendant')).toBeNull();
    expect(screen.queryByRole('option')).toBeNull();
    await user.keyboard('{Enter}');
    expect(telephony.opsOf('dial').map((d) => d.targetUri)).toEqual(['sip:car@pbx.example.com']);
  });

  it('opens again when the text changes', async () => {
    const { user } = await withSuggestions();
    await user.keyboard('{Escape}o');
    await waitFor(() => expect(field().getAttribute('aria-expanded')).toBe('true'));
  });
});
