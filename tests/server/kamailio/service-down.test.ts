import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { digestHashes, provisionSubscriber, setAlias } from '../../../server/services/sip-provisioning';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { sendInvite } from '../../support/kamailio/sip-invite.mjs';
import { openPhone, type Phone } from '../../support/kamailio/sip-phone.mjs';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases';
import { showKamailioLogOnFailure, startWorkspaceKamailio } from '../support/kamailio';

const DOMAIN = 'acme.test';

describe.each(DIALECTS)('calls while the workspace service is down (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  let kamailio: KamailioHandle | undefined;
  let phone: Phone | undefined;
  afterAll(async () => {
    phone?.close();
    await kamailio?.stop();
    await t?.drop();
  });

  it('Kamailio starts on what the service last wrote and routes an extension to its agent', async () => {
    t = await createTestDatabase(dialect);
    const db = t.database.db;
    await provisionSubscriber(db, 'aagent', DOMAIN, digestHashes('aagent', DOMAIN, 'agent-pw'));
    await provisionSubscriber(db, 'acaller', DOMAIN, digestHashes('acaller', DOMAIN, 'caller-pw'));
    await setAlias(db, '101', DOMAIN, ['aagent']);
    if (dialect === 'sqlite') {
      // The service's last connection closing checkpoints the WAL away: Kamailio
      // then opens the bare file read-only, with nobody else holding it.
      await t.database.close();
      expect(fs.existsSync(`${t.location.sqliteFile}-wal`)).toBe(false);
    }

    kamailio = await startWorkspaceKamailio(t, DOMAIN);
    showKamailioLogOnFailure(kamailio);
    phone = await openPhone({ kamailio, user: 'aagent', password: 'agent-pw', answer: 486 });
    expect((await phone.register()).status).toBe(200);
    const result = await sendInvite({ kamailio, from: 'acaller', password: 'caller-pw', to: '101', timeoutMs: 6000 });
    expect(result.finalStatus).toBe(486);
    expect(phone.invites).toHaveLength(1);
  });
});
