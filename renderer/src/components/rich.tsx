import { Fragment, type ReactNode } from 'react';

/**
 * A whole sentence from the catalogue with an element inside (a <strong>, a link): the message gets `slot(name)` as
 * the value of its argument, then `rich` puts the element in its place. Translators see one sentence, not pieces.
 *
 *   rich(t('signIn.security.totpFact', { state: slot('state') }), { state: <strong>…</strong> })
 */
const EDGE = '\uE000';

export const slot = (name: string): string => `${EDGE}${name}${EDGE}`;

export function rich(message: string, parts: Record<string, ReactNode>): ReactNode {
  const pieces = message.split(new RegExp(`${EDGE}([\\w-]+)${EDGE}`));
  return pieces.map((piece, i) => (i % 2 === 1 ? <Fragment key={i}>{parts[piece] ?? null}</Fragment> : piece));
}
