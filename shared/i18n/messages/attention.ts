import { defineMessages } from '../catalogue';

/** Keys start with "attention.": Admin → Operators, who is running low on recovery codes or lacks a required second factor. */
export default defineMessages({
  en: {
    'attention.title': 'Needs attention',
    'attention.fewRecoveryCodes': '{login} — {count, plural, one {# recovery code left} other {# recovery codes left}}',
    'attention.noSecondFactor': '{login} — two-step required, no second factor',
    'attention.badge.fewRecoveryCodes': '{count, plural, one {# recovery code left} other {# recovery codes left}}',
    'attention.badge.noSecondFactor': 'Required, no second factor',
  },
  fr: {
    'attention.title': 'À surveiller',
    'attention.fewRecoveryCodes': '{login} — {count, plural, =0 {plus aucun code de récupération} one {plus qu’un code de récupération} other {plus que # codes de récupération}}',
    'attention.noSecondFactor': '{login} — validation en deux étapes exigée, aucun second facteur',
    'attention.badge.fewRecoveryCodes': '{count, plural, =0 {Plus aucun code de récupération} one {Plus qu’un code de récupération} other {Plus que # codes de récupération}}',
    'attention.badge.noSecondFactor': 'Exigée, aucun second facteur',
  },
  de: {
    'attention.title': 'Handlungsbedarf',
    'attention.fewRecoveryCodes': '{login} — {count, plural, =0 {keine Wiederherstellungscodes mehr} one {nur noch # Wiederherstellungscode} other {nur noch # Wiederherstellungscodes}}',
    'attention.noSecondFactor': '{login} — Zwei-Schritt-Verifizierung verlangt, kein zweiter Faktor',
    'attention.badge.fewRecoveryCodes': '{count, plural, =0 {Keine Wiederherstellungscodes mehr} one {Nur noch # Wiederherstellungscode} other {Nur noch # Wiederherstellungscodes}}',
    'attention.badge.noSecondFactor': 'Verlangt, kein zweiter Faktor',
  },
});
