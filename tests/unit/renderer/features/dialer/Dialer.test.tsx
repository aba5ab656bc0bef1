// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { Dialer } from '../../../../../renderer/features/dialer/Dialer';
import { aHistoryEntry, aSnapshot, somePreferences } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

const field = () => screen.getByLabelText<HTMLInputElement>('Number or SIP address');
const callButton = () => screen.getByRole('button', { name: 'Call' });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dialer', () => {
  it('calls an extension at the agent’s server and clears the field', async () => {
    const { user, telephony } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.type(field(), '1002');
    await user.click(callButton());
    expect(telephony.opsOf('dial').map((d) => d.targetUri)).toEqual(['sip:1002@pbx.example.com']);
    expect(field().value).toBe('');
  });

  it('formats a number as it is typed and dials it in E.164', async () => {
    const { user, telephony } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.type(field(), '2025550199');
    expect(field().value).toBe('(202) 555-0199');
    await user.keyboard('{Enter}');
    expect(telephony.opsOf('dial')[0]?.targetUri).toBe('sip:+12025550199@pbx.example.com');
  });

  it('formats for the default country from the settings', async () => {
    const { user } = await renderWithStore(<Dialer />, { snapshot: aSnapshot({ preferences: somePreferences({ defaultCountry: 'GB' }) }) });
    await user.type(field(), '02079460958');
    expect(field().value).toBe('020 7946 0958');
  });

  it('reads national numbers in the computer’s country until the agent chooses one', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    const { user, telephony } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.type(field(), '020 7946 0958');
    expect(field().value).toBe('020 7946 0958');
    await user.keyboard('{Enter}');
    expect(telephony.opsOf('dial')[0]?.targetUri).toBe('sip:+442079460958@pbx.example.com');
  });

  it('keeps the agent’s chosen country over the computer’s', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    const { user } = await renderWithStore(<Dialer />, { snapshot: aSnapshot({ preferences: somePreferences({ defaultCountry: 'US' }) }) });
    await user.type(field(), '2025550199');
    expect(field().value).toBe('(202) 555-0199');
  });

  it('dials a SIP address as it is', async () => {
    const { user, telephony } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.type(field(), 'sip:alice@example.org');
    await user.click(callButton());
    expect(telephony.opsOf('dial')[0]?.targetUri).toBe('sip:alice@example.org');
  });

  it('refuses a number that is too short and says why, without dialling', async () => {
    const { user, telephony } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.type(field(), '5550100');
    expect(screen.queryByRole('alert')).toBeNull(); // still typing: no nagging yet
    await user.click(callButton());
    expect(screen.getByRole('alert').textContent).toBe('This number is too short for US');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(telephony.opsOf('dial')).toEqual([]);
  });

  it('says at once that letters are not allowed in a phone number', async () => {
    const { user } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.type(field(), '555 12a4');
    expect(screen.getByRole('alert').textContent).toBe('Letters are not allowed in a phone number');
  });

  it('cleans a pasted number', async () => {
    const { user } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.click(field());
    await user.paste('tel:+44-20-7946-0958');
    expect(field().value).toBe('+44 20 7946 0958');
  });

  it('explains that a pasted extension is not dialled', async () => {
    const { user } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.click(field());
    await user.paste('+44 20 7946 0958 ext. 12');
    expect(screen.getByText(/Extension 12 is not dialled/)).toBeDefined();
  });

  it('types digits from the keypad', async () => {
    const { user } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    for (const key of ['1', '0', '0', '3']) await user.click(screen.getByRole('button', { name: key }));
    expect(field().value).toBe('1003');
    expect(['*', '#', '0', '9'].every((k) => screen.getByRole('button', { name: k }))).toBe(true);
  });

  it('offers Redial with an empty field, calling the last number again', async () => {
    const { user, telephony } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    expect(screen.queryByRole('button', { name: 'Redial' })).toBeNull();
    await user.type(field(), '1002{Enter}');
    await user.click(screen.getByRole('button', { name: 'Redial' }));
    expect(telephony.opsOf('dial').map((d) => d.targetUri)).toEqual(['sip:1002@pbx.example.com', 'sip:1002@pbx.example.com']);
  });

  it('offers Redial for the last outbound call in the history after a restart', async () => {
    await renderWithStore(<Dialer />, {
      snapshot: aSnapshot(),
      beforeRender: (desktop) =>
        desktop.answerOk(contract.history.query, {
          entries: [aHistoryEntry({ direction: 'outbound', status: 'answered', peer: { uri: 'sip:1005@pbx.example.com', user: '1005', displayName: null } })],
          hasMore: false,
        }),
    });
    expect(await screen.findByRole('button', { name: 'Redial' })).toBeDefined();
    expect(screen.getByText('Last dialled: 1005')).toBeDefined();
  });

  it('suggests recent calls as the agent types, and choosing one fills the field', async () => {
    const { user, desktop } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.history.query, {
      entries: [
        aHistoryEntry({ id: 'x', peer: { uri: 'sip:+12025550199@pbx.example.com', user: '+12025550199', displayName: 'Carol Customer' } }),
        aHistoryEntry({ id: 'y', peer: { uri: 'sip:+12025550199@pbx.example.com', user: '+12025550199', displayName: 'Carol Customer' } }),
      ],
      hasMore: false,
    });
    await user.type(field(), 'car');
    const suggestions = await screen.findByRole('listbox', { name: 'Recent calls' });
    expect(suggestions.querySelectorAll('li')).toHaveLength(1); // the same number once
    expect(desktop.callsTo(contract.history.query).at(-1)).toEqual({ search: 'car', limit: 5 });

    await user.click(screen.getByRole('option', { name: /Carol Customer/ }));
    expect(field().value).toBe('(202) 555-0199');
  });

  it('searches the history by digits, whatever the formatting', async () => {
    const { user, desktop } = await renderWithStore(<Dialer />, { snapshot: aSnapshot() });
    await user.type(field(), '2025550');
    await waitFor(() => expect(desktop.callsTo(contract.history.query).at(-1)).toEqual({ search: '2025550', limit: 5 }));
  });
});
