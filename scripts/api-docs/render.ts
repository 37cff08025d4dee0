/** Renders docs/API.md from the contract, so the documented API cannot drift from the real one. */
import { z } from 'zod';
import { contract, type Access, type ChannelDef } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/result';
import { LOGIN_CASE_NOTE } from '../../shared/contract/login';

const STAGE_ACCESS: Partial<Record<Access, string>> = {
  public: 'no session needed',
  anySession: 'a session, even locked',
  session: 'an active session',
  challenge: 'a sign-in whose password passed and whose second factor is asked',
  passwordChange: 'a sign-in with a one-time password, before the operator chose their own',
  enrollment: 'a sign-in that must enroll a second factor, or an active session enrolling by choice',
};
const accessText = (access: Access): string => STAGE_ACCESS[access] ?? `an active session with permission \`${access}\``;

export function renderApiDocs(): string {
  const lines = [
    '# Box Office API',
    '',
    '<!-- Generated from shared/contract.ts by `node scripts/api-docs.mjs`; a test fails when it is stale. -->',
    '',
    'The same channels are reachable from the Electron renderer (`window.boxOffice.<domain>.<verb>(input)`) and, for scripts',
    'and browser kiosks, from the web shell:',
    '',
    '```',
    'POST http://127.0.0.1:<port>/api/<channel>',
    'Authorization: Bearer <token>          # printed at start: Box office: http://127.0.0.1:<port>/#token=<token>',
    'Content-Type: application/json',
    '',
    '{ ...input }',
    '```',
    '',
    'The body is a JSON object; an empty body counts as `{}`, and JSON that is not an object (`null`, an array, a number,',
    'a string) answers `VALIDATION`.',
    '',
    'Every answer that reaches a channel is HTTP 200 with a result: `{ "ok": true, "value": … }` or',
    '`{ "ok": false, "error": { "code": "…", "message": "…", "field"?: "…", "retryAt"?: <epoch ms> } }`.',
    'The transport itself answers 401 (missing or wrong token), 403 (foreign Origin or cross-site request),',
    '421 (Host other than 127.0.0.1 or localhost), 405, 413 (body over 9 MiB), 415 (not JSON) and 400 (malformed JSON);',
    'a channel path with malformed percent-encoding (`/api/%ZZ`) answers 404 with `UNKNOWN_CHANNEL`.',
    '',
    'The session lives in an HttpOnly cookie `bo_seat_<port>` (each web shell its own name, as cookies on 127.0.0.1 are shared',
    'by every port). The web shell sets it on the first call and only honours values it issued itself; every channel marked',
    '"Renews the session cookie" gives a new value when it succeeds, and the old one no longer names a session. A script',
    'keeps the cookie with a cookie jar, e.g.',
    '`curl -c jar -b jar -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d \'{"login":"anna","password":"…"}\' http://127.0.0.1:$PORT/api/auth.signIn`.',
    '',
    '## Error codes',
    '',
    ERROR_CODES.map((code) => `\`${code}\``).join(', '),
    '',
    'Any channel that needs a session may also answer `AUTH_REQUIRED`, `SESSION_LOCKED`, `SESSION_EXPIRED` or `FORBIDDEN`;',
    'any channel may answer `VALIDATION`, `VAULT_UNAVAILABLE`, `STORE_UNAVAILABLE`, `STORE_UNREACHABLE` or `INTERNAL`.',
    '`STORE_UNAVAILABLE`: the store cannot be opened or is refused (a newer schema, a damaged file, a wrong address) — it',
    'needs someone to act. `STORE_UNREACHABLE`: the venue database stopped answering for now (a restart, the network); the',
    'terminal reconnects by itself, and nothing was half-written: each change is one transaction. When it answers a call',
    'that changes data, the change may or may not have committed before the connection broke — repeat it with the same',
    '`Idempotency-Key` and it acts once.',
    'A `VALIDATION` answer names the input it is about, in `field` (a path such as `reason` or `passwordPolicy.minLength`)',
    'and at the start of `message`, e.g. `{ "code": "VALIDATION", "field": "reason", "message": "Reason: enter at least 3 visible characters." }`.',
    '',
    '## Repeating a call safely (`Idempotency-Key`)',
    '',
    'A call that changes data may carry a request key: the header `Idempotency-Key: <16–128 letters, digits, - or _>`',
    '(a new random value per intended action, e.g. a UUID). The key is reserved before the call runs and keeps its answer;',
    'a repeat with the same key — after a lost answer, a timeout or `STORE_UNREACHABLE` — returns the first answer and acts',
    'once, also when two terminals send it at the same moment (the second waits for the first answer). Only if a terminal',
    'stopped between acting and keeping the answer does a repeat answer `CONFLICT` ("it may have happened") instead of',
    'acting again. A key belongs to one operator and one channel (reused for anything else:',
    '`VALIDATION` with `field: "idempotencyKey"`) and is kept for 24 hours. Keys apply to channels of an active session;',
    'sign-in steps are never replayed.',
    '',
    '## Input conventions',
    '',
    `- ${LOGIN_CASE_NOTE} Every channel that takes a login lower-cases it before anything else, whatever the transport.`,
    '  The JSON Schemas below accept capitals for that reason.',
    '- Free text (names, reasons, labels, search, imported text) is normalised to Unicode NFC and trimmed; it may not hold',
    '  control or format characters (NUL, tabs and line breaks, bidi overrides, zero-width characters) or unpaired surrogates,',
    '  and where it is required it needs that many *visible* characters (`minLength`), so invisible text never passes as text.',
    '- Identifiers sent to another service (the SMS account id) may not hold spaces, hidden characters, `/`, `\\`, `:` or `..`.',
    '',
    '## Channels',
    '',
  ];
  for (const [name, def] of Object.entries(contract)) {
    lines.push(`### \`${name}\``, '', def.summary, '', `Access: ${accessText(def.access)}.`, '', `Returns: ${def.returns}.`, '');
    if ((def as ChannelDef).rotatesSeat) lines.push('Renews the session cookie when it succeeds (the web shell sets a new `bo_seat_<port>`).', '');
    if (def.errors.length) lines.push(`Errors of its own: ${def.errors.map((code) => `\`${code}\``).join(', ')}.`, '');
    lines.push('Input (JSON Schema):', '', '```json');
    lines.push(JSON.stringify(z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }), null, 2), '```', '');
  }
  return lines.join('\n');
}
