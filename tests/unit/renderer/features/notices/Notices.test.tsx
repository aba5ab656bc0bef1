// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { Notices } from '../../../../../renderer/features/notices/Notices';
import { aSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';


const recovered = { id: 'settings-recovered', tone: 'warning', params: { problem: 'invalid-json', backup: 'settings.broken-1.json' } } as const;

describe('notices', () => {
  it('lists what main wants the agent to know and dismisses it on request', async () => {
    const { user, desktop } = await renderWithStore(<Notices />, { snapshot: aSnapshot({ notices: [recovered] }) });
    desktop.answerOk(contract.app.dismissNotice, aSnapshot({ notices: [] }));

    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain(
      'Your settings could not be read because it is not valid JSON, so Ringdesk started with fresh settings. The old file was kept as settings.broken-1.json.',
    );
    await user.click(within(item).getByRole('button', { name: 'Dismiss' }));

    expect(desktop.callsTo(contract.app.dismissNotice)).toEqual([{ id: 'settings-recovered' }]);
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('words main\'s codes and shows the renderer\'s own problems as they are', async () => {
    const { store } = await renderWithStore(<Notices />, { snapshot: aSnapshot({ notices: [{ id: 'weak-keyring', tone: 'warning' }] }) });
    store.getState().reportProblem('Could not save your presence.');
    expect(await screen.findByText(/stored with weak protection/)).toBeTruthy();
    expect(await screen.findByText('Could not save your presence.')).toBeTruthy();
  });

  it('shows nothing when there is nothing to tell', async () => {
    await renderWithStore(<Notices />, { snapshot: aSnapshot() });
    expect(screen.queryByRole('list')).toBeNull();
  });
});
