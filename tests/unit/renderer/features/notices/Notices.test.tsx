// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { Notices } from '../../../../../renderer/features/notices/Notices';
import { aSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';


const recovered = { id: 'settings-recovered', tone: 'warning', message: 'Your settings file was damaged; Ringdesk started from a backup.' } as const;

describe('notices', () => {
  it('lists what main wants the agent to know and dismisses it on request', async () => {
    const { user, desktop } = await renderWithStore(<Notices />, { snapshot: aSnapshot({ notices: [recovered] }) });
    desktop.answerOk(contract.app.dismissNotice, aSnapshot({ notices: [] }));

    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain(recovered.message);
    await user.click(within(item).getByRole('button', { name: 'Dismiss' }));

    expect(desktop.callsTo(contract.app.dismissNotice)).toEqual([{ id: 'settings-recovered' }]);
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('shows nothing when there is nothing to tell', async () => {
    await renderWithStore(<Notices />, { snapshot: aSnapshot() });
    expect(screen.queryByRole('list')).toBeNull();
  });
});
