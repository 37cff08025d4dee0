import { defineMessages } from '../catalogue';

/** Keys start with "common.": words many screens use, and the shared components' texts. */
export default defineMessages({
  en: {
    'common.cancel': 'Cancel',
    'common.close': 'Close',
    'common.confirm': 'Confirm',
    'common.signOut': 'Sign out',
    'common.loading': 'Loading…',
    'common.saving': 'Saving…',
    'common.tryAgainIn': 'Try again in {wait}.',
    'common.timeLeft': 'Time left: {wait}',
    'common.wait.minutes': '{minutes} min {seconds} s',
    'common.wait.seconds': '{seconds} s',

    'common.language.label': 'Language',
    'common.language.institutionDefault': 'Institution default',

    'common.startup.starting': 'Starting Box Office…',
    'common.startup.outsideBoxOffice': 'This page was opened outside Box Office. Start it with `npm start` and open the address it prints.',
    'common.startup.bridgeMissing': 'The Box Office bridge is missing.',

    'common.storeBanner.title': 'The venue database cannot be reached.',

    'common.terminalKind.label': 'Kind of terminal',
    'common.terminalKind.desk': 'Desk',
    'common.terminalKind.gate': 'Gate',

    'common.country.label': 'Country',
    'common.country.option': '{country} (+{callingCode})',

    'common.passwordRules.label': 'Password rules',
    'common.passwordRules.met': '(met)',
    'common.passwordRules.notMet': '(not met yet)',
    'common.passwordRules.notCommon': 'Not a common password',
    'common.passwordRules.common': '— this one is among the most common passwords',

    'common.oneTimePassword.show': 'Show password',
    'common.oneTimePassword.generate': 'Generate a one-time password',
    'common.oneTimePassword.readOut': 'To read out, in groups of four:',
    'common.oneTimePassword.lookAlikes': 'Look-alikes such as zero and O, or one, l and I, are never used.',
  },
  fr: {
    'common.cancel': 'Annuler',
    'common.close': 'Fermer',
    'common.confirm': 'Confirmer',
    'common.signOut': 'Se déconnecter',
    'common.loading': 'Chargement…',
    'common.saving': 'Enregistrement…',
    'common.tryAgainIn': 'Réessayez dans {wait}.',
    'common.timeLeft': 'Temps restant\u00a0: {wait}',
    'common.wait.minutes': '{minutes} min {seconds} s',
    'common.wait.seconds': '{seconds} s',

    'common.language.label': 'Langue',
    'common.language.institutionDefault': 'Langue de l’établissement',

    'common.startup.starting': 'Démarrage de Box Office…',
    'common.startup.outsideBoxOffice': 'Cette page a été ouverte en dehors de Box Office. Lancez-le avec `npm start` et ouvrez l’adresse qu’il affiche.',
    'common.startup.bridgeMissing': 'Le pont de Box Office est introuvable.',

    'common.storeBanner.title': 'La base de données du lieu est injoignable.',

    'common.terminalKind.label': 'Type de poste',
    'common.terminalKind.desk': 'Guichet',
    'common.terminalKind.gate': 'Contrôle d’accès',

    'common.country.label': 'Pays',
    'common.country.option': '{country} (+{callingCode})',

    'common.passwordRules.label': 'Règles du mot de passe',
    'common.passwordRules.met': '(respectée)',
    'common.passwordRules.notMet': '(pas encore respectée)',
    'common.passwordRules.notCommon': 'Pas un mot de passe courant',
    'common.passwordRules.common': '— celui-ci fait partie des mots de passe les plus courants',

    'common.oneTimePassword.show': 'Afficher le mot de passe',
    'common.oneTimePassword.generate': 'Générer un mot de passe à usage unique',
    'common.oneTimePassword.readOut': 'À lire à voix haute, par groupes de quatre\u00a0:',
    'common.oneTimePassword.lookAlikes': 'Les caractères qui se ressemblent, comme zéro et O, ou un, l et I, ne sont jamais utilisés.',
  },
  de: {
    'common.cancel': 'Abbrechen',
    'common.close': 'Schließen',
    'common.confirm': 'Bestätigen',
    'common.signOut': 'Abmelden',
    'common.loading': 'Wird geladen…',
    'common.saving': 'Wird gespeichert…',
    'common.tryAgainIn': 'Versuchen Sie es in {wait} erneut.',
    'common.timeLeft': 'Verbleibende Zeit: {wait}',
    'common.wait.minutes': '{minutes} Min. {seconds} Sek.',
    'common.wait.seconds': '{seconds} Sek.',

    'common.language.label': 'Sprache',
    'common.language.institutionDefault': 'Sprache der Einrichtung',

    'common.startup.starting': 'Box Office wird gestartet…',
    'common.startup.outsideBoxOffice': 'Diese Seite wurde außerhalb von Box Office geöffnet. Starten Sie es mit `npm start` und öffnen Sie die Adresse, die es ausgibt.',
    'common.startup.bridgeMissing': 'Die Verbindung zu Box Office fehlt.',

    'common.storeBanner.title': 'Die Datenbank der Spielstätte ist nicht erreichbar.',

    'common.terminalKind.label': 'Art des Terminals',
    'common.terminalKind.desk': 'Kasse',
    'common.terminalKind.gate': 'Einlass',

    'common.country.label': 'Land',
    'common.country.option': '{country} (+{callingCode})',

    'common.passwordRules.label': 'Passwortregeln',
    'common.passwordRules.met': '(erfüllt)',
    'common.passwordRules.notMet': '(noch nicht erfüllt)',
    'common.passwordRules.notCommon': 'Kein häufig verwendetes Passwort',
    'common.passwordRules.common': '– dieses gehört zu den am häufigsten verwendeten Passwörtern',

    'common.oneTimePassword.show': 'Passwort anzeigen',
    'common.oneTimePassword.generate': 'Einmalpasswort erzeugen',
    'common.oneTimePassword.readOut': 'Zum Vorlesen, in Vierergruppen:',
    'common.oneTimePassword.lookAlikes': 'Verwechselbare Zeichen wie Null und O oder Eins, l und I werden nie verwendet.',
  },
});
