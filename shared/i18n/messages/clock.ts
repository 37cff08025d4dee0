import { defineMessages } from '../catalogue';

/**
 * Keys start with "clock.": a terminal whose clock is off (authenticator codes then fail for no visible
 * reason), at the code screen and in Admin. `unit` comes from shared/clock-views.ts clockAmount.
 */
export default defineMessages({
  en: {
    'clock.warning.server':
      "This computer's clock is {amount, number} {unit, select, s {s} min {min} h {h} other {{amount, plural, one {day} other {days}}}} {direction, select, fast {fast} other {slow}}; codes may fail — ask IT to sync it.",
    'clock.warning.codes':
      "This computer's clock seems about 30 s {direction, select, fast {fast} other {slow}}: the last authenticator codes entered here all matched the {direction, select, fast {previous} other {next}} 30-second step. Codes may fail — ask IT to sync it.",
    'clock.admin.title': 'Terminal clocks',
    'clock.admin.lead': 'Authenticator codes fail at a terminal whose clock is off. Ask IT to sync these:',
    'clock.admin.server':
      '{terminal}: clock {amount, number} {unit, select, s {s} min {min} h {h} other {{amount, plural, one {day} other {days}}}} {direction, select, fast {fast} other {slow}} against the database server (measured {when})',
    'clock.admin.codes':
      '{terminal}: clock about 30 s {direction, select, fast {fast} other {slow}} — the last authenticator codes there all matched the {direction, select, fast {previous} other {next}} time step (last on {when})',
  },
  fr: {
    'clock.warning.server':
      'L’horloge de cet ordinateur {direction, select, fast {avance} other {retarde}} de {amount, number} {unit, select, s {s} min {min} h {h} other {{amount, plural, one {jour} other {jours}}}}\u00a0; les codes peuvent échouer — demandez au service informatique de la synchroniser.',
    'clock.warning.codes':
      'L’horloge de cet ordinateur semble {direction, select, fast {avancer} other {retarder}} d’environ 30 s\u00a0: les derniers codes d’application d’authentification saisis ici correspondaient tous à l’intervalle de 30 secondes {direction, select, fast {précédent} other {suivant}}. Les codes peuvent échouer — demandez au service informatique de la synchroniser.',
    'clock.admin.title': 'Horloges des postes',
    'clock.admin.lead': 'Les codes d’application d’authentification échouent sur un poste dont l’horloge est décalée. Demandez au service informatique de synchroniser ceux-ci\u00a0:',
    'clock.admin.server':
      '{terminal}\u00a0: l’horloge {direction, select, fast {avance} other {retarde}} de {amount, number} {unit, select, s {s} min {min} h {h} other {{amount, plural, one {jour} other {jours}}}} par rapport au serveur de la base de données (mesuré le {when})',
    'clock.admin.codes':
      '{terminal}\u00a0: l’horloge semble {direction, select, fast {avancer} other {retarder}} d’environ 30 s — les derniers codes d’authentification saisis sur ce poste correspondaient tous à l’intervalle {direction, select, fast {précédent} other {suivant}} (dernier le {when})',
  },
  de: {
    'clock.warning.server':
      'Die Uhr dieses Computers geht {amount, number} {unit, select, s {s} min {min} h {h} other {{amount, plural, one {Tag} other {Tage}}}} {direction, select, fast {vor} other {nach}}; Codes können fehlschlagen — bitten Sie die IT, sie zu synchronisieren.',
    'clock.warning.codes':
      'Die Uhr dieses Computers scheint etwa 30 s {direction, select, fast {vorzugehen} other {nachzugehen}}: Die letzten hier eingegebenen Codes der Authenticator-App passten alle zum {direction, select, fast {vorherigen} other {nächsten}} 30-Sekunden-Intervall. Codes können fehlschlagen — bitten Sie die IT, sie zu synchronisieren.',
    'clock.admin.title': 'Uhren der Terminals',
    'clock.admin.lead': 'An einem Terminal mit falsch gehender Uhr schlagen Authenticator-Codes fehl. Bitten Sie die IT, diese zu synchronisieren:',
    'clock.admin.server':
      '{terminal}: Uhr geht {amount, number} {unit, select, s {s} min {min} h {h} other {{amount, plural, one {Tag} other {Tage}}}} {direction, select, fast {vor} other {nach}} gegenüber dem Datenbankserver (gemessen am {when})',
    'clock.admin.codes':
      '{terminal}: Uhr scheint etwa 30 s {direction, select, fast {vorzugehen} other {nachzugehen}} — die letzten dort eingegebenen Authenticator-Codes passten alle zum {direction, select, fast {vorherigen} other {nächsten}} Intervall (zuletzt am {when})',
  },
});
