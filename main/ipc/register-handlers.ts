import type { z } from 'zod';
import { allInvokeSpecs, type Contract, type IpcError, type IpcResult, type ParsedRequestOf, type ResultOf } from '../../preload/contract';
import { fieldErrors } from '../../common/schemas/field-errors';
import type { Logger } from '../ports/logger';
import type { IpcRegistry, IpcSender } from './ipc-registry';
import { UserFacingError } from '../services/user-facing-error';

/** One implementation per contract method, typed from the contract. */
export type ContractHandlers = {
  [A in keyof Contract]: {
    [M in keyof Contract[A]]: (request: ParsedRequestOf<Contract[A][M]>, sender: IpcSender) => Promise<ResultOf<Contract[A][M]>>;
  };
};

/**
 * Registers every contract channel. For each call: check the sender, then
 * the payload against the channel's schema, then run the handler; every
 * outcome is an IpcResult — main never throws at the renderer.
 */
export function registerHandlers(deps: {
  registry: IpcRegistry;
  handlers: ContractHandlers;
  isTrustedSender: (sender: IpcSender) => boolean;
  log: Logger;
}): void {
  const { registry, handlers, isTrustedSender, log } = deps;
  for (const { area, method, spec } of allInvokeSpecs()) {
    const handler = (handlers as unknown as Record<string, Record<string, (req: unknown, sender: IpcSender) => Promise<unknown>>>)[area]?.[method];
    if (!handler) throw new Error(`No handler for ${spec.channel}`);
    registry.handle(spec.channel, async (sender, payload): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(sender)) {
        log.warn(`refused ${spec.channel} from untrusted sender ${sender.webContentsId} ${safeUrl(sender.frameUrl)}`);
        return failure({ code: 'forbidden' });
      }
      const parsed = (spec.request as z.ZodType).safeParse(payload);
      if (!parsed.success) {
        return failure({ code: 'invalid-input', fields: fieldErrors(parsed.error) });
      }
      try {
        return { ok: true, value: await handler(parsed.data, sender) };
      } catch (error) {
        if (error instanceof UserFacingError) {
          if (error.fields) return failure({ code: 'invalid-input', fields: error.fields });
          if (error.workspace) return failure({ code: 'workspace', ...error.workspace });
          return failure({ code: 'failed', problem: error.problem });
        }
        log.error(`${spec.channel} failed: ${(error as Error)?.stack ?? String(error)}`);
        return failure({ code: 'failed', problem: 'internal' });
      }
    });
  }
}

function failure(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

/** Logs the origin only: a URL may carry tokens in its query. */
function safeUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(no url)';
  }
}
