import { describe, expect, it } from 'vitest';
import { noticeCodeSchema, settingsProblemSchema } from '../../../../../common/schemas/snapshot';
import { noticeText } from '../../../../../renderer/features/notices/notice-text';

describe('notice text', () => {
  it('words every code main may send', () => {
    for (const id of noticeCodeSchema.options) {
      expect(noticeText({ id, tone: 'warning', params: { problem: 'invalid-json' } })).toMatch(/^[A-Z].+\.$/);
    }
  });

  it('says why the settings were set aside and where the old file is', () => {
    const text = (params: Record<string, string>) => noticeText({ id: 'settings-recovered', tone: 'warning', params });
    expect(text({ problem: 'invalid-json', backup: '/data/settings.broken-x.json' })).toBe(
      'Your settings could not be read because it is not valid JSON, so Ringdesk started with fresh settings. The old file was kept as /data/settings.broken-x.json.',
    );
    expect(text({ problem: 'wrong-layout', detail: 'presence' })).toBe(
      'Your settings could not be read because it does not match the expected layout (presence), so Ringdesk started with fresh settings.',
    );
    expect(text({ problem: 'unreadable', detail: 'EBADF' })).toContain('because it could not be read (EBADF)');
    for (const problem of settingsProblemSchema.options) expect(text({ problem })).toContain('because it ');
  });
});
