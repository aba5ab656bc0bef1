import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../main/security/content-security-policy';
import { isPermissionAllowed } from '../../../../main/security/permission-policy';

const appOrigin = 'ringdesk://app';
const page = 'ringdesk://app/index.html';

describe('permissions for the phone page', () => {
  it('grants the microphone to our own page', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: page, appOrigin, mediaTypes: ['audio'] })).toBe(true);
  });

  it('never grants the camera, even together with the microphone', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: page, appOrigin, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: page, appOrigin, mediaTypes: ['video'] })).toBe(false);
  });

  it('grants notifications to our page only', () => {
    expect(isPermissionAllowed({ permission: 'notifications', requestingUrl: page, appOrigin })).toBe(true);
    expect(isPermissionAllowed({ permission: 'notifications', requestingUrl: 'https://evil.example.com/', appOrigin })).toBe(false);
  });

  it.each(['geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'midi', 'hid'])('refuses %s', (permission) => {
    expect(isPermissionAllowed({ permission, requestingUrl: page, appOrigin })).toBe(false);
  });

  it('refuses the microphone to any other origin', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: 'file:///tmp/x.html', appOrigin, mediaTypes: ['audio'] })).toBe(false);
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  it('allows scripts only from the app itself, with no inline code or eval', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("default-src 'none'");
  });
  it('lets the SIP engine reach any wss:// server but plain ws:// only on this computer', () => {
    expect(csp).toMatch(/connect-src [^;]*wss:/);
    expect(csp).not.toMatch(/connect-src [^;]* ws: /);
  });
});
