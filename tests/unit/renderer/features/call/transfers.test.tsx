// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { CallList } from '../../../../../renderer/features/call/CallList';
import { TargetPicker } from '../../../../../renderer/features/call/TargetPicker';
import type { TargetSource } from '../../../../../renderer/features/call/target-sources';
import { aCall, aHistoryEntry, answered, aSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

const caller = answered(aCall({ id: 'caller' }));
const panel = (name: string) => screen.getByRole('region', { name });

async function onACall() {
  const rendered = await renderWithStore(<CallList />, { snapshot: aSnapshot() });
  act(() => rendered.telephony.pushCall(caller));
  return rendered;
}

describe('blind transfer', () => {
  it('hands the caller to the number typed in "Transfer to"', async () => {
    const { user, telephony } = await onACall();
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    await user.type(screen.getByLabelText('Transfer to'), '1003');
    await user.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(telephony.opsOf('blindTransfer')).toEqual([{ op: 'blindTransfer', callId: 'caller', targetUri: 'sip:1003@pbx.example.com' }]);
    expect(screen.queryByLabelText('Transfer to')).toBeNull();
  });

  it('refuses a target that is not a number, with the reason', async () => {
    const { user, telephony } = await onACall();
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    await user.type(screen.getByLabelText('Transfer to'), '555 0100');
    await user.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(screen.getByRole('alert').textContent).toBe('This number is too short for US');
    expect(telephony.opsOf('blindTransfer')).toEqual([]);
  });

  it('shows a transfer that did not go through on the call', async () => {
    const { telephony } = await onACall();
    act(() => telephony.pushCall({ ...caller, transfer: { kind: 'blind', target: 'sip:1003@pbx.example.com', status: 'failed' } }));
    expect(screen.getByText('The transfer to 1003 did not go through — you are still on the call')).toBeDefined();
  });
});

describe('attended transfer', () => {
  it('consults a colleague with the caller on hold, then completes the transfer', async () => {
    const { user, telephony } = await onACall();
    await user.click(screen.getByRole('button', { name: 'Consult' }));
    await user.type(screen.getByLabelText('Consult with'), '1003');
    await user.click(screen.getByRole('button', { name: 'Call colleague' }));
    expect(telephony.operations).toEqual([
      { op: 'setHeld', callId: 'caller', held: true },
      { op: 'dial', targetUri: 'sip:1003@pbx.example.com', consultFor: 'caller', callId: 'call-1' },
    ]);

    const colleague = aCall({ id: 'call-1', direction: 'outbound', state: 'ringing', consultFor: 'caller', peer: { uri: 'sip:1003@pbx.example.com', user: '1003', displayName: 'Carol' } });
    act(() => telephony.pushCalls([{ ...caller, held: true }, colleague]));
    expect(within(panel('Call with Bob Caller')).getByTestId('call-state').textContent).toBe('On hold');
    expect(screen.queryByRole('button', { name: 'Complete transfer' })).toBeNull(); // not before the colleague answers
    expect(within(panel('Call with Carol')).getByRole('button', { name: 'Back to caller' })).toBeDefined();

    act(() => telephony.pushCall(answered(colleague)));
    await user.click(screen.getByRole('button', { name: 'Complete transfer' }));
    expect(telephony.operations.at(-1)).toEqual({ op: 'completeTransfer', callId: 'caller', consultCallId: 'call-1' });
  });

  it('"Back to caller" hangs up on the colleague and resumes the caller', async () => {
    const { user, telephony } = await onACall();
    const colleague = answered(aCall({ id: 'colleague', direction: 'outbound', consultFor: 'caller', peer: { uri: 'sip:1003@pbx.example.com', user: '1003', displayName: 'Carol' } }));
    act(() => telephony.pushCalls([{ ...caller, held: true }, colleague]));
    await user.click(screen.getByRole('button', { name: 'Back to caller' }));
    expect(telephony.operations).toEqual([
      { op: 'hangup', callId: 'colleague' },
      { op: 'setHeld', callId: 'caller', held: false },
    ]);
  });

  it('the colleague’s panel does not mention the caller’s number (each call reads as its own)', async () => {
    const { telephony } = await onACall();
    const colleague = answered(aCall({ id: 'colleague', direction: 'outbound', consultFor: 'caller', peer: { uri: 'sip:1003@pbx.example.com', user: '1003', displayName: null } }));
    act(() => telephony.pushCalls([{ ...caller, held: true }, colleague]));
    expect(panel('Call with 1003').textContent).not.toContain('1002');
    expect(panel('Call with Bob Caller').textContent).not.toContain('1003');
  });
});

describe('the transfer target picker', () => {
  const carolEntry = (id: string) => aHistoryEntry({ id, peer: { uri: 'sip:+12025550199@pbx.example.com', user: '+12025550199', displayName: 'Carol Customer' } });

  it('suggests recent calls matching what is typed, once each, and transfers to the one chosen', async () => {
    const { user, telephony, desktop } = await onACall();
    desktop.answerOk(contract.history.query, { entries: [carolEntry('x'), carolEntry('y')], hasMore: false });
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    await user.type(screen.getByLabelText('Transfer to'), 'c');
    await user.type(screen.getByLabelText('Transfer to'), 'ar');
    const suggestions = await screen.findByRole('list', { name: 'Recent calls' });
    expect(desktop.callsTo(contract.history.query).map((q) => q.search)).toEqual(['car']); // not for one letter
    expect(within(suggestions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Carol Customer(202) 555-0199']);

    await user.click(within(suggestions).getByRole('button', { name: /Carol Customer/ }));
    expect(screen.getByLabelText<HTMLInputElement>('Transfer to').value).toBe('(202) 555-0199');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Transfer now' }));
    expect(telephony.opsOf('blindTransfer')).toEqual([]); // choosing is not yet transferring
    await user.keyboard('{Enter}');
    expect(telephony.opsOf('blindTransfer')).toEqual([{ op: 'blindTransfer', callId: 'caller', targetUri: 'sip:+12025550199@pbx.example.com' }]);
  });

  it('shows each source as its own group, so more sources (teammates) can join', async () => {
    const team: TargetSource = {
      key: 'team',
      heading: 'Teammates',
      useTargets: (text) => [{ key: 'dana', fill: '1004', name: 'Dana Teammate', detail: '1004' }].filter((t) => t.name.toLowerCase().includes(text.toLowerCase())),
    };
    const { user } = await renderWithStore(<TargetPicker label="Transfer to" action="Transfer now" sources={[team]} onSubmit={() => ({ ok: true })} onCancel={() => {}} />, {
      snapshot: aSnapshot(),
    });
    await user.type(screen.getByLabelText('Transfer to'), 'dan');
    expect(within(screen.getByRole('list', { name: 'Teammates' })).getByText('Dana Teammate')).toBeDefined();
    await user.type(screen.getByLabelText('Transfer to'), 'x');
    expect(screen.queryByRole('list', { name: 'Teammates' })).toBeNull();
  });

  it('Escape closes it without transferring', async () => {
    const { user, telephony } = await onACall();
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    await user.type(screen.getByLabelText('Transfer to'), '10');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Transfer to')).toBeNull();
    expect(telephony.opsOf('blindTransfer')).toEqual([]);
  });
});
