/**
 * Turns a failed input schema into the VALIDATION answer: the field it belongs to (`error.field`, so a
 * screen shows it next to that input) and a message that names the field ("Reason: enter at least 3
 * visible characters."), whatever the transport.
 */
import { z } from 'zod';

/** What a person calls each input. Keyed by field name; "channel:field" where one name means two things. */
const LABELS: Record<string, string> = {
  login: 'Login',
  displayName: 'Name',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  reason: 'Reason',
  ticketId: 'Ticket',
  ticketIds: 'Tickets',
  orderId: 'Order',
  allNotIssued: 'All tickets not issued',
  eventId: 'Event',
  barcode: 'Barcode',
  query: 'Search',
  phone: 'Phone number',
  number: 'Phone number',
  country: 'Country',
  code: 'Code',
  method: 'Method',
  deviceLabel: 'Device name',
  rememberDevice: 'Remember this device',
  deviceId: 'Device',
  operatorId: 'Operator',
  roles: 'Roles',
  days: 'Remember-device days',
  name: 'Institution name',
  idleLockMinutes: 'Idle lock',
  absoluteHours: 'Session limit',
  kioskIdleMinutes: 'Kiosk sign-out',
  passwordPolicy: 'Password policy',
  minLength: 'Minimum password length',
  kind: 'Kind',
  'settings.setSmsGateway:kind': 'Gateway',
  baseUrl: 'Provider address',
  accountSid: 'Account id',
  'settings.setSmsGateway:from': 'Sender number',
  authToken: 'Auth token',
  url: 'Mobile ticket address',
  format: 'Format',
  content: 'File',
  directory: 'Folder',
  path: 'Backup file',
  operator: 'Operator',
};

/** "requireNumberAndSymbol" → "Require number and symbol", for a field nobody has named yet. */
const humanize = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function fieldLabel(field: string, channel?: string): string {
  const key = field.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? field;
  return (channel && LABELS[`${channel}:${key}`]) ?? LABELS[key] ?? humanize(key);
}

/**
 * Messages for what a schema did not word itself: a missing field, a wrong type, an unknown field.
 * A schema's own message always wins; this only replaces zod's generic English.
 */
export const fallbackMessage = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'This is required.';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'string' ? 'Enter text.' : issue.expected === 'number' || issue.expected === 'int' ? 'Enter a number.' : issue.expected === 'boolean' ? 'Choose yes or no.' : `Expected ${issue.expected}.`;
    case 'invalid_value':
      return `Choose one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'unrecognized_keys':
      return 'This field is not accepted here.';
    case 'invalid_union':
      // A discriminated union whose "kind" matched no option.
      return 'options' in issue && Array.isArray(issue.options) ? `Choose one of: ${issue.options.map(String).join(', ')}.` : undefined;
    case 'too_small':
      return issue.origin === 'array' ? `Choose at least ${issue.minimum}.` : issue.origin === 'string' ? `Enter at least ${issue.minimum} characters.` : `Use at least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'array' ? `Choose at most ${issue.maximum}.` : issue.origin === 'string' ? `Use at most ${issue.maximum} characters.` : `Use at most ${issue.maximum}.`;
    default:
      return undefined;
  }
};

type Issue = z.core.$ZodIssue;

/** Of a union's branches, the one the caller most likely meant: no unknown fields, then fewest problems. */
function innermost(issue: Issue, prefix: PropertyKey[]): { issue: Issue; path: PropertyKey[] } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path };
  const score = (branch: Issue[]) => branch.length + 100 * branch.filter((i) => i.code === 'unrecognized_keys').length;
  const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0]!;
  return best[0] ? innermost(best[0], path) : { issue, path };
}

/** "Enter a name." after a label reads "Name: enter a name."; "SMS …" keeps its capitals. */
const continueSentence = (message: string) => (/^[A-Z](?![A-Z])/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message);

export function describeValidation(error: z.ZodError, channel?: string): { message: string; field?: string } {
  const first = error.issues[0];
  if (!first) return { message: 'The input is not valid.' };
  const { issue, path } = innermost(first, []);
  // An unknown field is reported on the object that holds it; the field itself is what to name.
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [...path, ...(unknown !== undefined ? [unknown] : [])].map(String).join('.');
  const message = (issue.code === 'unrecognized_keys' ? fallbackMessage({ ...issue, input: {} }) : undefined) ?? issue.message;
  if (!field) return { message };
  const label = fieldLabel(field, channel);
  return { field, message: message.startsWith(`${label}:`) ? message : `${label}: ${continueSentence(message)}` };
}

// Installed where the contract is parsed: zod uses it only for issues whose schema gave no message.
z.config({ customError: fallbackMessage });
