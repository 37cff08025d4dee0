/** Every catalogue, merged: one object per language. Areas keep their own files so their owners never collide. */
import admin from './messages/admin';
import audit from './messages/audit';
import common from './messages/common';
import coreAccess from './messages/core-access';
import coreData from './messages/core-data';
import coreSession from './messages/core-session';
import gate from './messages/gate';
import orders from './messages/orders';
import signIn from './messages/sign-in';
import ticket from './messages/ticket';
import stepUp from './messages/step-up';
import clock from './messages/clock';
import attention from './messages/attention';
import emergency from './messages/emergency';

export const AREAS = { admin, audit, common, coreAccess, coreData, coreSession, gate, orders, signIn, ticket, clock, attention, stepUp, emergency };

const merge = <L extends 'en' | 'fr' | 'de'>(locale: L) => ({
  ...common[locale],
  ...signIn[locale],
  ...orders[locale],
  ...admin[locale],
  ...gate[locale],
  ...audit[locale],
  ...coreAccess[locale],
  ...coreData[locale],
  ...coreSession[locale],
  ...ticket[locale],
  ...stepUp[locale],
  ...clock[locale],
  ...attention[locale],
  ...emergency[locale],
});

const en = merge('en');
export type MessageKey = keyof typeof en;

export const MESSAGES: Record<'en' | 'fr' | 'de', Record<MessageKey, string>> = { en, fr: merge('fr'), de: merge('de') };
