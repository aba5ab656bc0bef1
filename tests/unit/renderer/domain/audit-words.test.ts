import { describe, expect, it } from 'vitest';
import { auditFieldLabel, auditValueText, auditWhenText } from '../../../../renderer/domain/audit-words';

describe('the audit trail in words', () => {
  it('names fields a person recognises, office-hour days included, and never hides an unknown one', () => {
    expect(auditFieldLabel('settings.callSettings.forwardToPersonalPhone')).toBe('Forwarding to personal phone');
    expect(auditFieldLabel('settings.officeHours.days.tue')).toBe('Tuesday office hours');
    expect(auditFieldLabel('settings.something.new')).toBe('new');
  });

  it('puts values into words: ranges, closed days, forwarding, deleted groups', () => {
    expect(auditValueText('settings.officeHours.days.mon', [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }])).toBe('09:00–12:00, 13:00–17:00');
    expect(auditValueText('settings.officeHours.days.sat', [])).toBe('closed');
    expect(auditValueText('settings.callSettings.forwardToPersonalPhone', 'outside-hours')).toBe('Outside office hours');
    expect(auditValueText('groupIds', ['gone'], () => undefined)).toBe('a deleted group');
    expect(auditValueText('personalPhone', null)).toBe('none');
    expect(auditValueText('status', 'pending')).toBe('Pending');
  });

  it('says when relative to now, never in the future', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(auditWhenText(now - 10_000, now, 'UTC')).toBe('just now');
    expect(auditWhenText(now + 60_000, now, 'UTC')).toBe('just now');
    expect(auditWhenText(now - 3 * 60_000, now, 'UTC')).toBe('3 minutes ago');
  });
});
