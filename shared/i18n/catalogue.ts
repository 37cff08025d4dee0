/**
 * One area's messages in every language (ICU MessageFormat). English is written first; the type checker then
 * refuses a French or German catalogue that lacks one of its keys or has one more, so a missing translation
 * cannot be merged. Keys carry their area as a prefix ("orders.search.label") so areas never collide.
 */
export type Translations<E> = { readonly [K in keyof E]: string };

export interface AreaCatalogue<E extends Record<string, string>> {
  en: E;
  fr: Translations<E>;
  de: Translations<E>;
}

export const defineMessages = <const E extends Record<string, string>>(catalogue: AreaCatalogue<E>): AreaCatalogue<E> => catalogue;
