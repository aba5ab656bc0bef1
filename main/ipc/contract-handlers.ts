import { events } from '../../preload/contract';
import type { RendererEvents } from '../services/renderer-events';
import type { RingdeskServices } from '../services/ringdesk-services';
import type { RendererEmitter } from './ipc-registry';
import type { ContractHandlers } from './register-handlers';

/**
 * THE mapping of the IPC contract (preload/contract.ts) onto main's service
 * interfaces. Requests that change state answer with the snapshot after the
 * change, as the contract promises; everything else passes through.
 * registerHandlers checks senders and payloads and turns a thrown
 * UserFacingError into an IpcError.
 */
export function createContractHandlers(services: RingdeskServices): ContractHandlers {
  const { state } = services;
  return {
    app: {
      getSnapshot: () => state.snapshot(),
      dismissNotice: async ({ id }) => {
        await state.dismissNotice(id);
        return state.snapshot();
      },
    },
    account: {
      save: async (input) => {
        await services.account.save(input);
        return state.snapshot();
      },
      prepareTest: (input) => services.account.prepareTest(input),
    },
    workspace: {
      signIn: async (input) => {
        await services.workspace.signIn(input);
        return state.snapshot();
      },
      createTeam: async (input) => {
        await services.workspace.createTeam(input);
        return state.snapshot();
      },
      signOut: async () => {
        await services.workspace.signOut();
        return state.snapshot();
      },
      setExtendedDashboard: async ({ on }) => {
        await services.workspace.setExtendedDashboard(on);
        return state.snapshot();
      },
    },
    team: {
      listAgents: (query) => services.team.listAgents(query),
      getAgent: ({ id }) => services.team.getAgent(id),
      createAgent: (body) => services.team.createAgent(body),
      updateAgent: ({ id, ...patch }) => services.team.updateAgent(id, patch),
      deleteAgent: async ({ id }) => {
        await services.team.deleteAgent(id);
        return null;
      },
      agentAudit: ({ id, ...query }) => services.team.agentAudit(id, query),
      agentInvitation: ({ id }) => services.team.agentInvitation(id),
      resendInvitation: ({ id }) => services.team.resendInvitation(id),
      listGroups: () => services.team.listGroups(),
      createGroup: (body) => services.team.createGroup(body),
      updateGroup: ({ id, ...patch }) => services.team.updateGroup(id, patch),
      deleteGroup: async ({ id }) => {
        await services.team.deleteGroup(id);
        return null;
      },
      status: () => services.team.status(),
      copy: () => services.team.copy(),
    },
    presence: {
      set: async (next) => {
        await services.presence.set(next);
        return state.snapshot();
      },
    },
    preferences: {
      update: async (patch) => {
        await services.preferences.update(patch);
        return state.snapshot();
      },
    },
    registration: {
      retryNow: async () => {
        services.registration.retryNow();
        return state.snapshot();
      },
    },
    calls: {
      report: async (call) => {
        await services.calls.report(call);
        return null;
      },
    },
    recordings: {
      beginUpload: (upload) => services.recordings.begin(upload),
      sendChunk: async (chunk) => {
        await services.recordings.chunk(chunk);
        return null;
      },
      finishUpload: ({ uploadId }) => services.recordings.finish(uploadId),
      read: (range) => services.recordings.read(range),
    },
    history: {
      query: (query) => services.calls.queryHistory(query),
    },
    links: {
      takePending: async () => services.links.takePending(),
    },
    engine: {
      ready: async () => {
        services.engine.ready();
        return null;
      },
      report: async (report) => {
        services.engine.report(report);
        return null;
      },
    },
  };
}

/** The services' RendererEvents as the contract's events, sent to the attached window (if any). */
export function contractEvents(emitter: () => RendererEmitter | null): RendererEvents {
  return {
    snapshot: (snapshot) => emitter()?.(events.snapshot.channel, snapshot),
    engineCommand: (command) => emitter()?.(events.engineCommand.channel, command),
    callAction: (action) => emitter()?.(events.callAction.channel, action),
    historyAdded: (entry) => emitter()?.(events.historyAdded.channel, entry),
    teamChanged: (update) => emitter()?.(events.teamChanged.channel, update),
    linkOpened: (opened) => emitter()?.(events.linkOpened.channel, opened),
  };
}
