import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { App } from '../../../../../renderer/app/App';
import { aSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

/** The whole app with a saved account, on the account form opened from Settings. */
export async function openAccountEditor(snapshot = aSnapshot()) {
  const view = await renderWithStore(<App />, { snapshot });
  await view.user.click(screen.getByRole('tab', { name: 'Settings' }));
  await view.user.click(screen.getByRole('button', { name: 'Edit account' }));
  return view;
}

/** Types a complete, valid first-run account the way an agent would. */
export async function fillValidAccount(user: UserEvent, overrides: { wsServer?: string } = {}) {
  await user.type(screen.getByLabelText('Display name'), 'Alice Agent');
  await user.type(screen.getByLabelText('SIP user or address'), '1001@pbx.example.com');
  await user.type(screen.getByLabelText('Password'), 's3cret!');
  await user.type(screen.getByLabelText('Server address'), overrides.wsServer ?? 'wss://pbx.example.com:8089/ws');
}

/** The message linked to a field through aria-describedby. */
export function describedErrorOf(input: HTMLElement): string | null {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'));
  return error?.textContent ?? null;
}
