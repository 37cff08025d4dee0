/** Renders docs/API.md from the contract, so the documented API cannot drift from the real one. */
import { z } from 'zod';
import { contract, type Access } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/result';

const accessText = (access: Access): string =>
  access === 'public' ? 'no session needed' : access === 'anySession' ? 'a session, even locked' : access === 'session' ? 'an active session' : `an active session with permission \`${access}\``;

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
    'Every answer that reaches a channel is HTTP 200 with a result: `{ "ok": true, "value": … }` or',
    '`{ "ok": false, "error": { "code": "…", "message": "…", "field"?: "…", "retryAt"?: <epoch ms> } }`.',
    'The transport itself answers 401 (missing or wrong token), 403 (foreign Origin or cross-site request),',
    '421 (Host other than 127.0.0.1 or localhost), 405, 413 (body over 9 MiB), 415 (not JSON) and 400 (malformed JSON).',
    '',
    'The session lives in an HttpOnly cookie `bo_seat` set on the first call; a script keeps it with a cookie jar, e.g.',
    '`curl -c jar -b jar -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d \'{"login":"anna","password":"…"}\' http://127.0.0.1:$PORT/api/auth.signIn`.',
    '',
    '## Error codes',
    '',
    ERROR_CODES.map((code) => `\`${code}\``).join(', '),
    '',
    'Any channel that needs a session may also answer `AUTH_REQUIRED`, `SESSION_LOCKED`, `SESSION_EXPIRED` or `FORBIDDEN`;',
    'any channel may answer `VALIDATION`, `VAULT_UNAVAILABLE`, `STORE_UNAVAILABLE` or `INTERNAL`.',
    '',
    '## Channels',
    '',
  ];
  for (const [name, def] of Object.entries(contract)) {
    lines.push(`### \`${name}\``, '', def.summary, '', `Access: ${accessText(def.access)}.`, '', `Returns: ${def.returns}.`, '');
    if (def.errors.length) lines.push(`Errors of its own: ${def.errors.map((code) => `\`${code}\``).join(', ')}.`, '');
    lines.push('Input (JSON Schema):', '', '```json');
    lines.push(JSON.stringify(z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }), null, 2), '```', '');
  }
  return lines.join('\n');
}
