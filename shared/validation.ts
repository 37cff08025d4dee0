/**
 * Turns a failed input schema into the VALIDATION answer: the field it belongs to (`error.field`, so a
 * screen shows it next to that input) and a message that names the field ("Reason: enter at least 3
 * visible characters."), whatever the transport, in the reader's language.
 *
 * A schema words its messages as catalogue keys ("coreData.venue.joinCodeFormat") or as the English text of one
 * ("Enter at least 3 visible characters."): either way the message is that catalogue entry, with the issue's
 * minimum, maximum and options as its values. Any other text is shown as it is.
 */
import { z } from 'zod';
import { MESSAGES, type MessageKey } from './i18n/catalogues';
import { DEFAULT_LOCALE, type Locale } from './i18n/locales';
import { text, translate, translateText, type LocalText, type MessageValues } from './i18n/translator';

/** What a person calls each input. Keyed by field name; "channel:field" where one name means two things. */
const LABELS: Record<string, MessageKey> = {
  login: 'coreData.validation.label.login',
  displayName: 'coreData.validation.label.displayName',
  password: 'coreData.validation.label.password',
  currentPassword: 'coreData.validation.label.currentPassword',
  newPassword: 'coreData.validation.label.newPassword',
  reason: 'coreData.validation.label.reason',
  ticketId: 'coreData.validation.label.ticketId',
  ticketIds: 'coreData.validation.label.ticketIds',
  orderId: 'coreData.validation.label.orderId',
  allNotIssued: 'coreData.validation.label.allNotIssued',
  eventId: 'coreData.validation.label.eventId',
  barcode: 'coreData.validation.label.barcode',
  query: 'coreData.validation.label.query',
  phone: 'coreData.validation.label.phone',
  number: 'coreData.validation.label.number',
  country: 'coreData.validation.label.country',
  code: 'coreData.validation.label.code',
  method: 'coreData.validation.label.method',
  deviceLabel: 'coreData.validation.label.deviceLabel',
  rememberDevice: 'coreData.validation.label.rememberDevice',
  deviceId: 'coreData.validation.label.deviceId',
  operatorId: 'coreData.validation.label.operatorId',
  roles: 'coreData.validation.label.roles',
  days: 'coreData.validation.label.days',
  name: 'coreData.validation.label.name',
  idleLockMinutes: 'coreData.validation.label.idleLockMinutes',
  absoluteHours: 'coreData.validation.label.absoluteHours',
  kioskIdleMinutes: 'coreData.validation.label.kioskIdleMinutes',
  passwordPolicy: 'coreData.validation.label.passwordPolicy',
  minLength: 'coreData.validation.label.minLength',
  kind: 'coreData.validation.label.kind',
  'settings.setSmsGateway:kind': 'coreData.validation.label.gateway',
  baseUrl: 'coreData.validation.label.baseUrl',
  accountSid: 'coreData.validation.label.accountSid',
  'settings.setSmsGateway:from': 'coreData.validation.label.senderNumber',
  authToken: 'coreData.validation.label.authToken',
  url: 'coreData.validation.label.url',
  format: 'coreData.validation.label.format',
  content: 'coreData.validation.label.content',
  directory: 'coreData.validation.label.directory',
  path: 'coreData.validation.label.path',
  operator: 'coreData.validation.label.operator',
  language: 'coreData.validation.label.language',
  timeZone: 'coreData.validation.label.timeZone',
  codeId: 'emergency.field.codeId',
  graceSignIns: 'emergency.field.graceSignIns',
};

/** "requireNumberAndSymbol" → "Require number and symbol", for a field nobody has named yet. */
const humanize = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function fieldLabel(field: string, channel?: string, locale: Locale = DEFAULT_LOCALE): string {
  const key = field.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? field;
  const label = (channel && LABELS[`${channel}:${key}`]) ?? LABELS[key];
  return label ? translate(locale, label) : humanize(key);
}

const V = {
  required: 'coreData.validation.required',
  enterText: 'coreData.validation.enterText',
  enterNumber: 'coreData.validation.enterNumber',
  chooseYesNo: 'coreData.validation.chooseYesNo',
  expected: 'coreData.validation.expected',
  chooseOneOf: 'coreData.validation.chooseOneOf',
  notAccepted: 'coreData.validation.notAccepted',
  chooseAtLeast: 'coreData.validation.chooseAtLeast',
  enterAtLeastChars: 'coreData.validation.enterAtLeastChars',
  useAtLeast: 'coreData.validation.useAtLeast',
  chooseAtMost: 'coreData.validation.chooseAtMost',
  useAtMostChars: 'coreData.validation.useAtMostChars',
  useAtMost: 'coreData.validation.useAtMost',
  invalidEmail: 'coreData.validation.invalidEmail',
  invalidDateTime: 'coreData.validation.invalidDateTime',
} as const satisfies Record<string, MessageKey>;

/**
 * Messages for what a schema did not word itself: a missing field, a wrong type, an unknown field.
 * A schema's own message always wins; this only replaces zod's generic English. Answers the English text
 * (what zod keeps as the issue's message); describeValidation finds its catalogue entry again.
 */
export const fallbackMessage = (issue: z.core.$ZodRawIssue): string | undefined => {
  const local = fallbackText(issue);
  return local && translateText(DEFAULT_LOCALE, local);
};

function fallbackText(issue: z.core.$ZodRawIssue): LocalText | undefined {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return text(V.required);
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'string' ? text(V.enterText) : issue.expected === 'number' || issue.expected === 'int' ? text(V.enterNumber) : issue.expected === 'boolean' ? text(V.chooseYesNo) : text(V.expected, { expected: String(issue.expected) });
    case 'invalid_value':
      return text(V.chooseOneOf, { options: issue.values.map((v) => String(v)).join(', ') });
    case 'unrecognized_keys':
      return text(V.notAccepted);
    case 'invalid_union':
      // A discriminated union whose "kind" matched no option.
      return 'options' in issue && Array.isArray(issue.options) ? text(V.chooseOneOf, { options: issue.options.map(String).join(', ') }) : undefined;
    case 'too_small':
      return text(issue.origin === 'array' ? V.chooseAtLeast : issue.origin === 'string' ? V.enterAtLeastChars : V.useAtLeast, { minimum: String(issue.minimum) });
    case 'too_big':
      return text(issue.origin === 'array' ? V.chooseAtMost : issue.origin === 'string' ? V.useAtMostChars : V.useAtMost, { maximum: String(issue.maximum) });
    // zod's own English, kept word for word; here so that it has a catalogue entry (and so a translation).
    case 'invalid_format':
      return issue.format === 'email' ? text(V.invalidEmail) : issue.format === 'datetime' ? text(V.invalidDateTime) : undefined;
    default:
      return undefined;
  }
}

type Issue = z.core.$ZodIssue;

const isMessageKey = (message: string): message is MessageKey => Object.hasOwn(MESSAGES.en, message);

/** English catalogue text → its key, for messages without values (built once, on first use). */
let byEnglish: Map<string, MessageKey> | undefined;
const englishKey = (message: string): MessageKey | undefined => {
  byEnglish ??= new Map(Object.entries(MESSAGES.en).filter(([, english]) => !english.includes('{')).map(([key, english]) => [english, key as MessageKey]));
  return byEnglish.get(message);
};

/** Messages with values a schema may word in English: found again by formatting each with the issue's values. */
const WITH_VALUES: readonly MessageKey[] = [
  // The most particular first: "Enter at least 3 visible characters." before "Enter at least {minimum} characters.".
  'coreData.text.enterVisibleAtLeast',
  V.expected,
  V.chooseOneOf,
  V.chooseAtLeast,
  V.enterAtLeastChars,
  V.useAtLeast,
  V.chooseAtMost,
  V.useAtMostChars,
  V.useAtMost,
];

/** Bounds are numbers: a pattern's bound matches digits only. */
const NUMERIC = new Set(['minimum', 'maximum', 'min', 'max']);

/** The values an issue gives its message: its bounds, as written (no digit grouping), and the schema's own params. */
function issueValues(issue: Issue): MessageValues {
  const values: MessageValues = {};
  if ('minimum' in issue) values.minimum = values.min = String(issue.minimum);
  if ('maximum' in issue) values.maximum = values.max = String(issue.maximum);
  if ('expected' in issue) values.expected = String(issue.expected);
  if ('values' in issue && Array.isArray(issue.values)) values.options = issue.values.map(String).join(', ');
  if (issue.code === 'custom' && issue.params) for (const [name, value] of Object.entries(issue.params)) if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  return values;
}

/** An issue's message as catalogue text when it is one (by key or by its English words), else the message itself. */
export function issueText(issue: Issue): LocalText | string {
  const message = issue.message;
  const values = issueValues(issue);
  if (isMessageKey(message)) return text(message, values);
  const plain = englishKey(message);
  if (plain) return text(plain);
  for (const [key, pattern] of withValuesPatterns()) {
    const found = pattern.exec(message);
    if (found) return text(key, { ...values, ...found.groups });
  }
  return message;
}

/** Each message with values as a pattern of its English text ("Use at most {maximum} characters." → its values). */
let patterns: [MessageKey, RegExp][] | undefined;
const withValuesPatterns = () =>
  (patterns ??= WITH_VALUES.map((key) => {
    const source = MESSAGES.en[key].replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => (NUMERIC.has(name) ? `(?<${name}>\\d+)` : `(?<${name}>.+?)`));
    return [key, new RegExp(`^${source}$`)];
  }));

/** An issue's message in a language. */
export const issueMessage = (issue: Issue, locale: Locale = DEFAULT_LOCALE): string => {
  const local = issueText(issue);
  return typeof local === 'string' ? local : translateText(locale, local);
};

/** Of a union's branches, the one the caller most likely meant: no unknown fields, then fewest problems. */
function innermost(issue: Issue, prefix: PropertyKey[]): { issue: Issue; path: PropertyKey[] } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path };
  const score = (branch: Issue[]) => branch.length + 100 * branch.filter((i) => i.code === 'unrecognized_keys').length;
  const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0]!;
  return best[0] ? innermost(best[0], path) : { issue, path };
}

/**
 * "Enter a name." after a label reads "Name: enter a name."; "SMS …" keeps its capitals. German keeps the
 * capital: its sentences after a colon start as they would alone ("Grund: Geben Sie …").
 */
const continueSentence = (message: string, locale: Locale) =>
  locale !== 'de' && /^\p{Lu}(?!\p{Lu})/u.test(message) ? message.charAt(0).toLocaleLowerCase(locale) + message.slice(1) : message;

/**
 * The VALIDATION answer. Without a field the message is the catalogue's text itself (re-formatted at the edge in
 * the reader's language); with one it is the label and the message as one sentence, in `locale` (dispatch
 * passes the caller's language).
 */
export function describeValidation(error: z.ZodError, channel?: string, locale: Locale = DEFAULT_LOCALE): { message: LocalText | string; field?: string } {
  const first = error.issues[0];
  if (!first) return { message: text('coreData.validation.invalid') };
  const { issue, path } = innermost(first, []);
  // An unknown field is reported on the object that holds it; the field itself is what to name.
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [...path, ...(unknown !== undefined ? [unknown] : [])].map(String).join('.');
  const local: LocalText | string = (issue.code === 'unrecognized_keys' ? fallbackText({ ...issue, input: {} }) : undefined) ?? issueText(issue);
  if (!field) return { message: local };
  const label = fieldLabel(field, channel, locale);
  const message = typeof local === 'string' ? local : translateText(locale, local);
  if (message.startsWith(`${label}:`) || message.startsWith(`${label} :`)) return { field, message };
  return { field, message: translate(locale, 'coreData.validation.labelled', { label, problem: continueSentence(message, locale) }) };
}

// Installed where the contract is parsed: zod uses it only for issues whose schema gave no message.
z.config({ customError: fallbackMessage });
