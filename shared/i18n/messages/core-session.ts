import { defineMessages } from '../catalogue';

/** Keys start with "coreSession.": what dispatch answers before any handler runs (sessions, access, the store's reachability). */
export default defineMessages({
  en: {
    'coreSession.unknownChannel': 'This action does not exist.',
    'coreSession.inputNotObject': 'The input must be an object.',
    'coreSession.endedElsewhere': 'An administrator changed your account (disabled it, changed its role or reset its password). Sign in again.',
    'coreSession.terminalRevoked':
      'An administrator revoked this terminal: it can no longer use the venue database. Ask an administrator to add it again with a new join code, or leave the venue.',
    'coreSession.storeUnreachable':
      'The venue database cannot be reached. Try again in a moment; this terminal reconnects by itself. If you were saving something, it may or may not have been saved: look again before repeating it (a repeat with the same request key acts once).',
    'coreSession.connectionRefused':
      'The venue database refuses this terminal\'\'s connection ({reason}). Tell your administrator: the server\'\'s pg_hba.conf or this terminal\'\'s login needs looking at.',
    'coreSession.internal': 'Something went wrong on this terminal. Try again; if it persists, tell your administrator.',
    'coreSession.signInFirst': 'Sign in first.',
    'coreSession.pendingExpired': 'Sign-in was not finished within 5 minutes. Sign in again.',
    'coreSession.kioskIdle': 'This kiosk signed you out after a while without activity. Sign in again.',
    'coreSession.expired': 'Your session reached its time limit. Sign in again.',
    'coreSession.choosePasswordFirst': 'Choose your own password first.',
    'coreSession.enrollFirst': 'Set up your second factor first.',
    'coreSession.codeFirst': 'Enter the code of your second factor first.',
    'coreSession.locked': 'This terminal is locked. Enter your password to unlock it.',
    'coreSession.alreadySignedIn': 'You are already signed in.',
    'coreSession.forbidden': 'Your role does not allow this. Ask an administrator if you need it.',
    'coreSession.kioskRefusal': 'This terminal is a kiosk: only the gate and order lookup with delivery are available here. Use a desk terminal for this.',
  },
  fr: {
    'coreSession.unknownChannel': 'Cette action n’existe pas.',
    'coreSession.inputNotObject': 'L’entrée doit être un objet.',
    'coreSession.endedElsewhere': 'Un administrateur a modifié votre compte (désactivé, changé son rôle ou réinitialisé son mot de passe). Reconnectez-vous.',
    'coreSession.terminalRevoked':
      'Un administrateur a révoqué ce poste : il ne peut plus utiliser la base de données du lieu. Demandez à un administrateur de l’ajouter à nouveau avec un nouveau code d’adhésion, ou quittez le lieu.',
    'coreSession.storeUnreachable':
      'La base de données du lieu est injoignable. Réessayez dans un instant ; ce poste se reconnecte tout seul. Si vous enregistriez quelque chose, cela a pu être enregistré ou non : vérifiez avant de recommencer (une répétition avec la même clé de requête n’agit qu’une fois).',
    'coreSession.connectionRefused':
      'La base de données du lieu refuse la connexion de ce poste ({reason}). Prévenez votre administrateur : le fichier pg_hba.conf du serveur ou l’identifiant de ce poste est à vérifier.',
    'coreSession.internal': 'Un problème est survenu sur ce poste. Réessayez ; si cela persiste, prévenez votre administrateur.',
    'coreSession.signInFirst': 'Connectez-vous d’abord.',
    'coreSession.pendingExpired': 'La connexion n’a pas été terminée en 5 minutes. Reconnectez-vous.',
    'coreSession.kioskIdle': 'Cette borne vous a déconnecté après un moment d’inactivité. Reconnectez-vous.',
    'coreSession.expired': 'Votre session a atteint sa durée maximale. Reconnectez-vous.',
    'coreSession.choosePasswordFirst': 'Choisissez d’abord votre propre mot de passe.',
    'coreSession.enrollFirst': 'Configurez d’abord votre deuxième facteur.',
    'coreSession.codeFirst': 'Saisissez d’abord le code de votre deuxième facteur.',
    'coreSession.locked': 'Ce poste est verrouillé. Saisissez votre mot de passe pour le déverrouiller.',
    'coreSession.alreadySignedIn': 'Vous êtes déjà connecté.',
    'coreSession.forbidden': 'Votre rôle ne le permet pas. Demandez à un administrateur si vous en avez besoin.',
    'coreSession.kioskRefusal':
      'Ce poste est une borne : seuls le contrôle d’accès et la recherche de commandes avec remise des billets y sont disponibles. Utilisez un poste de guichet pour cela.',
  },
  de: {
    'coreSession.unknownChannel': 'Diese Aktion gibt es nicht.',
    'coreSession.inputNotObject': 'Die Eingabe muss ein Objekt sein.',
    'coreSession.endedElsewhere': 'Ein Administrator hat Ihr Konto geändert (deaktiviert, seine Rolle geändert oder sein Passwort zurückgesetzt). Melden Sie sich erneut an.',
    'coreSession.terminalRevoked':
      'Ein Administrator hat dieses Terminal entfernt: Es kann die Datenbank der Spielstätte nicht mehr nutzen. Bitten Sie einen Administrator, es mit einem neuen Beitrittscode wieder aufzunehmen, oder verlassen Sie die Spielstätte.',
    'coreSession.storeUnreachable':
      'Die Datenbank der Spielstätte ist nicht erreichbar. Versuchen Sie es gleich noch einmal; dieses Terminal verbindet sich von selbst neu. Falls Sie gerade etwas gespeichert haben, wurde es vielleicht gespeichert, vielleicht nicht: Sehen Sie nach, bevor Sie es wiederholen (eine Wiederholung mit demselben Anfrageschlüssel wirkt nur einmal).',
    'coreSession.connectionRefused':
      'Die Datenbank der Spielstätte weist die Verbindung dieses Terminals ab ({reason}). Informieren Sie Ihren Administrator: Die pg_hba.conf des Servers oder die Anmeldung dieses Terminals muss geprüft werden.',
    'coreSession.internal': 'Auf diesem Terminal ist etwas schiefgegangen. Versuchen Sie es erneut; falls es bleibt, informieren Sie Ihren Administrator.',
    'coreSession.signInFirst': 'Melden Sie sich zuerst an.',
    'coreSession.pendingExpired': 'Die Anmeldung wurde nicht innerhalb von 5 Minuten abgeschlossen. Melden Sie sich erneut an.',
    'coreSession.kioskIdle': 'Dieser Kiosk hat Sie nach einer Weile ohne Aktivität abgemeldet. Melden Sie sich erneut an.',
    'coreSession.expired': 'Ihre Sitzung hat ihre Höchstdauer erreicht. Melden Sie sich erneut an.',
    'coreSession.choosePasswordFirst': 'Wählen Sie zuerst Ihr eigenes Passwort.',
    'coreSession.enrollFirst': 'Richten Sie zuerst Ihren zweiten Faktor ein.',
    'coreSession.codeFirst': 'Geben Sie zuerst den Code Ihres zweiten Faktors ein.',
    'coreSession.locked': 'Dieses Terminal ist gesperrt. Geben Sie Ihr Passwort ein, um es zu entsperren.',
    'coreSession.alreadySignedIn': 'Sie sind bereits angemeldet.',
    'coreSession.forbidden': 'Ihre Rolle erlaubt das nicht. Fragen Sie einen Administrator, falls Sie es brauchen.',
    'coreSession.kioskRefusal': 'Dieses Terminal ist ein Kiosk: Hier sind nur der Einlass und die Bestellsuche mit Ticketausgabe verfügbar. Nutzen Sie dafür ein Kassenterminal.',
  },
});
