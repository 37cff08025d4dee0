/**
 * The renderer's API type, derived from the contract: `api.auth.signIn(input)` for channel
 * 'auth.signIn'. Both transports build this object with buildApi, so no channel string is
 * ever written in the renderer.
 */
import { CHANNEL_NAMES, type ChannelInput, type ChannelName, type ChannelOutput } from './contract';
import type { Result } from './result';

type DomainOf<C> = C extends `${infer D}.${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}.${infer V}` ? V : never;

export type BoxOfficeApi = {
  [D in DomainOf<ChannelName>]: {
    [V in VerbOf<ChannelName, D>]: `${D}.${V}` extends infer C extends ChannelName
      ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
      : never;
  };
};

export type Invoke = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>;

export function buildApi(invoke: Invoke): BoxOfficeApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain, verb] = name.split('.') as [string, string];
    (api[domain] ??= {})[verb] = (input?: unknown) => invoke(name, input ?? {});
  }
  // Frozen so a page script cannot swap a method for another channel.
  for (const domain of Object.values(api)) Object.freeze(domain);
  return Object.freeze(api) as unknown as BoxOfficeApi;
}
