/**
 * The one contract: every channel's name, input schema, output type and who may call it.
 * Preload, web-shell bridge, handlers, docs and renderer types all derive from this object.
 * Each domain declares its channels in its own file; this file only joins them.
 */
import type { z } from 'zod';
import type { ChannelDef } from './define';
import { appChannels } from './app';
import { authChannels } from './auth';
import { mfaChannels } from './mfa';
import { operatorsChannels } from './operators';
import { deliveryChannels } from './delivery';
import { auditChannels } from './audit';
import { settingsChannels } from './settings';
import { kioskChannels } from './kiosk';
import { backupChannels } from './backup';
import { jobsChannels } from './jobs';
import { venueChannels } from './venue';
import { sensitiveChannels } from './step-up';
import { clockChannels } from './clock';

export * from './define';
export { loginSchema } from './login';

export const contract = {
  ...appChannels,
  ...authChannels,
  ...mfaChannels,
  ...operatorsChannels,
  ...deliveryChannels,
  ...auditChannels,
  ...settingsChannels,
  ...kioskChannels,
  ...backupChannels,
  ...jobsChannels,
  ...venueChannels,
  ...clockChannels,
  ...sensitiveChannels,
} as const satisfies Record<string, ChannelDef>;


export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export const isChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
