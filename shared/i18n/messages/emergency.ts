import { defineMessages } from '../catalogue';

/**
 * Keys start with "emergency.": the emergency code an admin issues to an operator who cannot use her second factor
 * today (core's answers, the sign-in step, Admin → Operators), and the enrollment grace (sign-ins before setup).
 */
export default defineMessages({
  en: {
    'emergency.core.noFactor':
      '{name} has no second factor yet, so an emergency code has nothing to stand in for. If two-step is required, setting it up is asked at sign-in.',
    'emergency.core.notForSelf': 'You cannot issue an emergency code for yourself. Ask another administrator.',
    'emergency.core.serviceOnly': 'Only the service team can issue an emergency code for a service account.',
    'emergency.core.disabled': 'The account of {name} is disabled. Enable it first.',
    'emergency.core.codeGone': 'This emergency code can no longer be used (used, revoked or expired). The list is up to date now.',
    'emergency.core.wrongCode':
      'That emergency code was not accepted. Check it with your administrator: each code works once, for one hour, and never after a one-time password.',
    'emergency.field.codeId': 'Emergency code',
    'emergency.field.graceSignIns': 'Sign-ins before setup',

    'emergency.signIn.use': 'Use an emergency code from your administrator',
    'emergency.signIn.lead': 'Enter the emergency code your administrator gave you. It works once, within an hour, and this device is not remembered.',
    'emergency.signIn.label': 'Emergency code',
    'emergency.signIn.hint': 'Like ABCD-EFGH-JKMN',

    'emergency.admin.issue': 'Emergency code',
    'emergency.admin.issueFor': 'Emergency code for {login}',
    'emergency.admin.title': 'Emergency code for {name}',
    'emergency.admin.lead':
      'For a day when {name} cannot use the second factor (a phone left at home): one code for one sign-in with their own password, valid for one hour. It replaces any earlier unused code and never remembers the device.',
    'emergency.admin.submit': 'Issue a code',
    'emergency.admin.busy': 'Issuing…',
    'emergency.admin.codeLabel': 'Emergency code for {name}',
    'emergency.admin.shownOnce': 'Hand this code to {name} in person. It is shown only now, works once, and expires at {until}.',
    'emergency.admin.activeTitle': 'Active emergency codes',
    'emergency.admin.none': 'No emergency code is active.',
    'emergency.admin.col.operator': 'Operator',
    'emergency.admin.col.issuedBy': 'Issued by',
    'emergency.admin.col.issuedAt': 'Issued',
    'emergency.admin.col.expiresAt': 'Expires',
    'emergency.admin.revoke': 'Revoke',
    'emergency.admin.revokeFor': 'Revoke the emergency code of {login}',
    'emergency.admin.revoked': 'Emergency code of {login} revoked.',
    'emergency.admin.badge': 'Emergency code until {until}',

    'emergency.grace.notice':
      'Two-step sign-in is required for your account. {left, plural, =0 {Your next sign-in will ask you to set it up.} one {# sign-in left before you must set it up.} other {# sign-ins left before you must set it up.}}',
    'emergency.grace.setUpNow': 'Set it up now',
    'emergency.grace.badge': '{left, plural, =0 {Setup at next sign-in} one {# sign-in before setup} other {# sign-ins before setup}}',
    'emergency.grace.title': 'Require two-step verification for {name}',
    'emergency.grace.lead':
      '{name} has no second factor yet. You may allow a few sign-ins with their own password before setup is forced; a sign-in with a one-time password always asks for setup.',
    'emergency.grace.field': 'Sign-ins before setup is forced',
    'emergency.grace.hint': 'From 0 to 10. 0: setup at the next sign-in.',
    'emergency.grace.submit': 'Require two-step',
  },
  fr: {
    'emergency.core.noFactor':
      '{name} n’a pas encore de second facteur : un code d’urgence n’aurait rien à remplacer. Si les deux étapes sont exigées, leur configuration est demandée à la connexion.',
    'emergency.core.notForSelf': 'Vous ne pouvez pas émettre de code d’urgence pour vous-même. Demandez à un autre administrateur.',
    'emergency.core.serviceOnly': 'Seule l’équipe de service peut émettre un code d’urgence pour un compte de service.',
    'emergency.core.disabled': 'Le compte de {name} est désactivé. Activez-le d’abord.',
    'emergency.core.codeGone': 'Ce code d’urgence n’est plus utilisable (utilisé, révoqué ou expiré). La liste est à jour.',
    'emergency.core.wrongCode':
      'Ce code d’urgence n’a pas été accepté. Vérifiez-le avec votre administrateur : chaque code sert une fois, pendant une heure, et jamais après un mot de passe à usage unique.',
    'emergency.field.codeId': 'Code d’urgence',
    'emergency.field.graceSignIns': 'Connexions avant la configuration',

    'emergency.signIn.use': 'Utiliser un code d’urgence de votre administrateur',
    'emergency.signIn.lead': 'Saisissez le code d’urgence que votre administrateur vous a remis. Il sert une fois, dans l’heure, et cet appareil n’est pas mémorisé.',
    'emergency.signIn.label': 'Code d’urgence',
    'emergency.signIn.hint': 'Par exemple ABCD-EFGH-JKMN',

    'emergency.admin.issue': 'Code d’urgence',
    'emergency.admin.issueFor': 'Code d’urgence pour {login}',
    'emergency.admin.title': 'Code d’urgence pour {name}',
    'emergency.admin.lead':
      'Pour un jour où {name} ne peut pas utiliser son second facteur (téléphone resté à la maison) : un code pour une connexion avec son propre mot de passe, valable une heure. Il remplace tout code précédent non utilisé et ne mémorise jamais l’appareil.',
    'emergency.admin.submit': 'Émettre un code',
    'emergency.admin.busy': 'Émission…',
    'emergency.admin.codeLabel': 'Code d’urgence pour {name}',
    'emergency.admin.shownOnce': 'Remettez ce code à {name} en personne. Il n’est affiché que maintenant, sert une fois et expire à {until}.',
    'emergency.admin.activeTitle': 'Codes d’urgence actifs',
    'emergency.admin.none': 'Aucun code d’urgence n’est actif.',
    'emergency.admin.col.operator': 'Opérateur',
    'emergency.admin.col.issuedBy': 'Émis par',
    'emergency.admin.col.issuedAt': 'Émis le',
    'emergency.admin.col.expiresAt': 'Expire le',
    'emergency.admin.revoke': 'Révoquer',
    'emergency.admin.revokeFor': 'Révoquer le code d’urgence de {login}',
    'emergency.admin.revoked': 'Code d’urgence de {login} révoqué.',
    'emergency.admin.badge': 'Code d’urgence jusqu’à {until}',

    'emergency.grace.notice':
      'La connexion en deux étapes est exigée pour votre compte. {left, plural, =0 {Votre prochaine connexion vous demandera de la configurer.} one {Encore # connexion avant de devoir la configurer.} other {Encore # connexions avant de devoir la configurer.}}',
    'emergency.grace.setUpNow': 'La configurer maintenant',
    'emergency.grace.badge': '{left, plural, =0 {Configuration à la prochaine connexion} one {# connexion avant la configuration} other {# connexions avant la configuration}}',
    'emergency.grace.title': 'Exiger la validation en deux étapes pour {name}',
    'emergency.grace.lead':
      '{name} n’a pas encore de second facteur. Vous pouvez autoriser quelques connexions avec son propre mot de passe avant que la configuration soit imposée ; une connexion avec un mot de passe à usage unique demande toujours la configuration.',
    'emergency.grace.field': 'Connexions avant la configuration imposée',
    'emergency.grace.hint': 'De 0 à 10. 0 : configuration à la prochaine connexion.',
    'emergency.grace.submit': 'Exiger les deux étapes',
  },
  de: {
    'emergency.core.noFactor':
      '{name} hat noch keinen zweiten Faktor, also kann ein Notfallcode nichts ersetzen. Ist die Zwei-Schritt-Verifizierung verlangt, wird die Einrichtung bei der Anmeldung verlangt.',
    'emergency.core.notForSelf': 'Sie können keinen Notfallcode für sich selbst ausstellen. Bitten Sie eine andere Administratorin oder einen anderen Administrator.',
    'emergency.core.serviceOnly': 'Nur das Service-Team kann einen Notfallcode für ein Service-Konto ausstellen.',
    'emergency.core.disabled': 'Das Konto von {name} ist deaktiviert. Aktivieren Sie es zuerst.',
    'emergency.core.codeGone': 'Dieser Notfallcode ist nicht mehr verwendbar (verwendet, widerrufen oder abgelaufen). Die Liste ist jetzt aktuell.',
    'emergency.core.wrongCode':
      'Dieser Notfallcode wurde nicht angenommen. Prüfen Sie ihn mit Ihrer Administration: Jeder Code gilt einmal, eine Stunde lang, und nie nach einem Einmalpasswort.',
    'emergency.field.codeId': 'Notfallcode',
    'emergency.field.graceSignIns': 'Anmeldungen vor der Einrichtung',

    'emergency.signIn.use': 'Notfallcode der Administration verwenden',
    'emergency.signIn.lead': 'Geben Sie den Notfallcode ein, den Sie von Ihrer Administration erhalten haben. Er gilt einmal, innerhalb einer Stunde, und dieses Gerät wird nicht gemerkt.',
    'emergency.signIn.label': 'Notfallcode',
    'emergency.signIn.hint': 'Zum Beispiel ABCD-EFGH-JKMN',

    'emergency.admin.issue': 'Notfallcode',
    'emergency.admin.issueFor': 'Notfallcode für {login}',
    'emergency.admin.title': 'Notfallcode für {name}',
    'emergency.admin.lead':
      'Für einen Tag, an dem {name} den zweiten Faktor nicht verwenden kann (Telefon zu Hause): ein Code für eine Anmeldung mit dem eigenen Passwort, eine Stunde gültig. Er ersetzt einen früheren, unbenutzten Code und merkt sich das Gerät nie.',
    'emergency.admin.submit': 'Code ausstellen',
    'emergency.admin.busy': 'Wird ausgestellt…',
    'emergency.admin.codeLabel': 'Notfallcode für {name}',
    'emergency.admin.shownOnce': 'Geben Sie diesen Code {name} persönlich. Er wird nur jetzt angezeigt, gilt einmal und läuft um {until} ab.',
    'emergency.admin.activeTitle': 'Aktive Notfallcodes',
    'emergency.admin.none': 'Kein Notfallcode ist aktiv.',
    'emergency.admin.col.operator': 'Bediener',
    'emergency.admin.col.issuedBy': 'Ausgestellt von',
    'emergency.admin.col.issuedAt': 'Ausgestellt',
    'emergency.admin.col.expiresAt': 'Läuft ab',
    'emergency.admin.revoke': 'Widerrufen',
    'emergency.admin.revokeFor': 'Notfallcode von {login} widerrufen',
    'emergency.admin.revoked': 'Notfallcode von {login} widerrufen.',
    'emergency.admin.badge': 'Notfallcode bis {until}',

    'emergency.grace.notice':
      'Für Ihr Konto ist die Anmeldung in zwei Schritten verlangt. {left, plural, =0 {Bei Ihrer nächsten Anmeldung werden Sie sie einrichten müssen.} one {Noch # Anmeldung, bevor Sie sie einrichten müssen.} other {Noch # Anmeldungen, bevor Sie sie einrichten müssen.}}',
    'emergency.grace.setUpNow': 'Jetzt einrichten',
    'emergency.grace.badge': '{left, plural, =0 {Einrichtung bei der nächsten Anmeldung} one {# Anmeldung vor der Einrichtung} other {# Anmeldungen vor der Einrichtung}}',
    'emergency.grace.title': 'Zwei-Schritt-Verifizierung für {name} verlangen',
    'emergency.grace.lead':
      '{name} hat noch keinen zweiten Faktor. Sie können einige Anmeldungen mit dem eigenen Passwort erlauben, bevor die Einrichtung erzwungen wird; eine Anmeldung mit einem Einmalpasswort verlangt immer die Einrichtung.',
    'emergency.grace.field': 'Anmeldungen, bevor die Einrichtung erzwungen wird',
    'emergency.grace.hint': 'Von 0 bis 10. 0: Einrichtung bei der nächsten Anmeldung.',
    'emergency.grace.submit': 'Zwei Schritte verlangen',
  },
});
