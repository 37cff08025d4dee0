import { defineMessages } from '../catalogue';

/**
 * Keys start with "audit.": the audit log screen, and one sentence per kind of entry (`audit.kind.<kind>`, its ICU
 * arguments named after the entry's detail fields, plus `subject`). Dates arrive formatted; booleans as "true"/"false".
 */
export default defineMessages({
  en: {
    'audit.title': 'Audit log',
    'audit.filter.operator': 'Operator login',
    'audit.filter.kind': 'Kind (e.g. auth. or delivery.)',
    'audit.filter.from': 'From',
    'audit.filter.to': 'To',
    'audit.filter.submit': 'Filter',
    'audit.export': 'Export CSV',
    'audit.verify': 'Verify',
    'audit.intact': 'The log is intact: {checked, plural, one {# entry checked} other {# entries checked}}, none edited or removed.',
    'audit.tampered':
      'The log was tampered with: {problem}{unreadableCount, plural, =0 {} other { Unreadable entries: {unreadable}.}} Keep this machine as it is and tell your security contact.',
    'audit.problem':
      "{problem, select, unsealed {Entry #{id} carries no seal: it was written or changed outside Box Office.} missingAll {Every entry of the log is missing.} missing {Entries after #{last} are missing: the log was cut.} replaced {Entry #{id} is not the entry this computer recorded there: the end of the log was removed and written again.} unreadable {Entry #{id} cannot be read (its detail is damaged).} anchor {The log's anchor in the keychain cannot be read, so a cut end of the log cannot be ruled out.} other {Entry #{id} was edited, or the entry before it was removed.}}",
    'audit.table': 'Audit entries',
    'audit.col.id': '#',
    'audit.col.time': 'Time',
    'audit.col.operator': 'Operator',
    'audit.col.event': 'Event',
    'audit.col.terminal': 'Terminal',
    'audit.unreadable': 'Unreadable:',
    'audit.newer': 'Newer',
    'audit.older': 'Older',
    'audit.empty': 'No entries',
    'audit.range': '{first, number}–{last, number} of {total, number}',
    'audit.value.none': '—',
    'audit.value.yes': 'yes',
    'audit.value.no': 'no',
    'audit.entry.as': '{text}',
    'audit.entry.unknown': '{kind}: {fields}',
    'audit.entry.unknownBare': '{kind}',
    'audit.entry.field': '{name}: {value}',
    'audit.entry.approvedBy': '{text} Approved by {login}.',
    'audit.separator': '; ',
    'audit.setting':
      '{setting, select, name {name} idleLockMinutes {idle lock (minutes)} absoluteHours {session limit (hours)} kioskIdleMinutes {kiosk sign-out (minutes)} passwordPolicy {password policy} language {default language} timeZone {time zone} other {{setting}}}: {change}',
    'audit.scanResult':
      '{result, select, valid {admitted} alreadyScanned {already scanned} revoked {revoked ticket} unknown {unknown barcode} otherEvent {other event} unpaid {unpaid} other {{result}}}: {count, number}',

    'audit.kind.setup.first-account': 'Set up Box Office with the first account, {subject} ({roles}).',
    'audit.kind.auth.sign-in': 'Signed in{enrolled, select, true { after setting up two-step verification} other {}}.',
    'audit.kind.auth.password-accepted':
      'Password accepted; {next, select, challenge {the second step follows} passwordChange {a new password must be chosen} enrollment {two-step verification must be set up} other {next: {next}}}.',
    'audit.kind.auth.throttled': 'Sign-in as {subject} refused: sign-in is locked until {until}.',
    'audit.kind.auth.sign-in-failed':
      'Sign-in as {subject} failed: {reason, select, unknown_login {no such login} disabled {the account is disabled} wrong_password {wrong password} other {{reason}}} ({failures, plural, one {# failed attempt} other {# failed attempts}} in a row).',
    'audit.kind.auth.throttle-started': 'Sign-in as {subject} locked until {until} after {failures, plural, one {# failed attempt} other {# failed attempts}}.',
    'audit.kind.auth.one-time-password-expired': 'Sign-in refused: the one-time password expired on {expiredAt}.',
    'audit.kind.auth.sign-out': '{reason, select, replaced {Signed out: a new sign-in at this terminal replaced the session.} other {Signed out.}}',
    'audit.kind.auth.password-changed':
      '{reason, select, one_time {Replaced the one-time password with a password of their own.} other {Changed their password{otherSessionsEnded, plural, =0 {} one {; # other session ended} other {; # other sessions ended}}.}}',
    'audit.kind.auth.password-change-failed': 'Password change refused: the current password was not right.',
    'audit.kind.auth.reauth-failed': 'Confirmation with the password failed: the password was not right.',
    'audit.kind.auth.unlock-failed': 'Unlocking failed: wrong password ({failures, plural, one {# failed attempt} other {# failed attempts}}).',
    'audit.kind.auth.unlock': 'Unlocked the screen.',
    'audit.kind.kiosk.quit': 'Quit the kiosk.',
    'audit.kind.kiosk.quit-refused':
      'Quitting the kiosk refused: {reason, select, credentials {wrong login or password} not_admin {not an administrator} other {{reason}}}.',
    'audit.kind.delivery.mobile-issued': 'Issued {tickets, plural, one {# mobile ticket} other {# mobile tickets}}.',
    'audit.kind.delivery.mobile-link-sent': 'Sent the link to mobile ticket {ticket} of order {subject} by SMS to {to}.',
    'audit.kind.delivery.mobile-link-failed': 'Could not send the link to mobile ticket {ticket} of order {subject} by SMS to {to}.',
    'audit.kind.delivery.print-issued': 'Issued ticket {ticket} of order {subject} as print@home (version {generation}).',
    'audit.kind.delivery.print-reopened': 'Opened the print@home file of ticket {ticket} of order {subject} again (version {generation}).',
    'audit.kind.delivery.reissued':
      'Reissued ticket {subject}, which was {previousState, select, none {not issued yet} mobile {a mobile ticket} print_at_home {a print@home ticket} other {{previousState}}}; now version {generation}. Reason: {reason}',
    'audit.kind.audit.exported': 'Exported the audit log as CSV ({rows, plural, one {# entry} other {# entries}}).',
    'audit.kind.audit.sealed': 'Sealed {entries, plural, one {# older entry} other {# older entries}} of the log, up to #{lastLegacyId}.',
    'audit.kind.orders.imported':
      'Imported {orders, plural, one {# order} other {# orders}} with {tickets, plural, one {# ticket} other {# tickets}} for {events, plural, one {# event} other {# events}}.',
    'audit.kind.orders.demo-loaded':
      'Loaded the demo data: {orders, plural, one {# order} other {# orders}} with {tickets, plural, one {# ticket} other {# tickets}} for {events, plural, one {# event} other {# events}}.',
    'audit.kind.orders.import-refused': 'An order import was refused ({code}).',
    'audit.kind.operators.created':
      'Created the operator {subject} ({roles}); two-step verification {mfaRequired, select, true {required} other {not required}}; one-time password valid until {oneTimePasswordUntil}.',
    'audit.kind.operators.mfa-required-changed': '{required, select, true {Required} other {Released}} two-step verification for {subject}{hasGrace, select, true {, allowing {graceSignIns, plural, =0 {no sign-in} one {# sign-in} other {# sign-ins}} before setup} other {}}.',
    'audit.kind.operators.roles-changed':
      'Changed the role of {subject} from {from} to {to}{sessionsEnded, plural, =0 {} one {; # session ended} other {; # sessions ended}}.',
    'audit.kind.operators.password-reset':
      'Reset the password of {subject}: one-time password valid until {oneTimePasswordUntil}{sessionsEnded, plural, =0 {} one {; # session ended} other {; # sessions ended}}{devicesRevoked, plural, =0 {} one {; # remembered device forgotten} other {; # remembered devices forgotten}}.',
    'audit.kind.operators.throttle-lifted': 'Lifted the sign-in lock of {subject} (locked until {wasLockedUntil}).',
    'audit.kind.operators.mfa-reset':
      'Reset two-step verification for {subject}{devicesRevoked, plural, =0 {} one {; # remembered device forgotten} other {; # remembered devices forgotten}}.',
    'audit.kind.operators.disabled':
      'Disabled {subject}{sessionsEnded, plural, =0 {} one {; # session ended} other {; # sessions ended}}{devicesRevoked, plural, =0 {} one {; # remembered device forgotten} other {; # remembered devices forgotten}}.',
    'audit.kind.operators.enabled': 'Enabled {subject}.',
    'audit.kind.mfa.verify-failed':
      'Wrong {method, select, totp {authenticator app code} sms {SMS code} recovery {recovery code} emergency {emergency code} other {code}} ({failures, plural, one {# failed attempt} other {# failed attempts}}).',
    'audit.kind.mfa.sign-in-dropped': 'Sign-in ended after {failures, plural, one {# wrong code} other {# wrong codes}}.',
    'audit.kind.mfa.throttle-started': 'Two-step verification locked until {until} after too many wrong codes.',
    'audit.kind.mfa.verified':
      'Passed two-step verification with {method, select, totp {the authenticator app} sms {an SMS code} recovery {a recovery code} emergency {an emergency code from an administrator} other {{method}}}.',
    'audit.kind.mfa.recovery-code-used': 'Used a recovery code ({left, plural, =0 {none left} other {# left}}).',
    'audit.kind.operators.emergency-code-issued': 'Issued an emergency code for {subject}, valid until {expiresAt}{replaced, plural, =0 {} other {; the earlier unused one revoked}}.',
    'audit.kind.operators.emergency-code-revoked': 'Revoked the emergency code of {subject}.',
    'audit.kind.mfa.emergency-code-used': 'Used an emergency code issued by {issuedBy}.',
    'audit.kind.auth.enrollment-grace-used':
      'Signed in before setting up the required two-step verification ({left, plural, =0 {setup at the next sign-in} one {# more sign-in before setup} other {# more sign-ins before setup}}).',
    'audit.kind.mfa.sms-sent': 'Sent a {purpose, select, enroll {set-up} step_up {confirmation} approve {approval} other {sign-in}} code by SMS to {to}.',
    'audit.kind.mfa.sms-failed': 'Could not send a {purpose, select, enroll {set-up} step_up {confirmation} approve {approval} other {sign-in}} code by SMS to {to}.',
    'audit.kind.auth.step-up': 'Confirmed again with {method, select, totp {the authenticator app} sms {a text message} recovery {a recovery code} other {the password}} before {action, select, reissue {reissuing a delivered ticket} bulkReissue {reissuing an order} restore {restoring a backup} twoStepOff {switching two-step verification off} emergencyCode {issuing an emergency code} approvalsOff {switching a supervisor approval off} other {resetting someone’s second factors}}.',
    'audit.kind.auth.step-up-failed':
      'Confirmation with {method, select, totp {the authenticator app} sms {a text message} recovery {a recovery code} other {the password}} refused before {action, select, reissue {reissuing a delivered ticket} bulkReissue {reissuing an order} restore {restoring a backup} twoStepOff {switching two-step verification off} emergencyCode {issuing an emergency code} approvalsOff {switching a supervisor approval off} other {resetting someone’s second factors}}: {reason, select, password_refused {a password is not enough once a second factor is set up} other {wrong code or password}}.{locked, select, true { The terminal was locked.} other {}}',
    'audit.kind.approval.granted': '{subject} approved {action, select, reissue {reissuing a delivered ticket} bulkReissue {reissuing an order} restore {restoring a backup} twoStepOff {switching two-step verification off} emergencyCode {issuing an emergency code} approvalsOff {switching a supervisor approval off} other {resetting someone’s second factors}} at this terminal with {method, select, totp {the authenticator app} sms {a text message} recovery {a recovery code} other {the password}}.',
    'audit.kind.approval.refused':
      'Approval by {subject} of {action, select, reissue {reissuing a delivered ticket} bulkReissue {reissuing an order} restore {restoring a backup} twoStepOff {switching two-step verification off} emergencyCode {issuing an emergency code} approvalsOff {switching a supervisor approval off} other {resetting someone’s second factors}} refused: {reason, select, credentials {wrong login or password} code {wrong code} own {nobody approves their own action} disabled {the account is disabled} not_supervisor {the account cannot approve} throttled {too many wrong approvals} other {{reason}}}.',
    'audit.kind.mfa.device-honoured': 'Signed in without a code on the remembered device {device}.',
    'audit.kind.mfa.device-remembered': 'Remembered the device {device} for {days, plural, one {# day} other {# days}}.',
    'audit.kind.mfa.device-revoked': 'Forgot the remembered device {device} of operator #{subject}.',
    'audit.kind.mfa.totp-enrollment-started': 'Started setting up an authenticator app.',
    'audit.kind.mfa.totp-enrolled': 'Set up an authenticator app.',
    'audit.kind.mfa.sms-enrolled': 'Set up SMS codes to {phone}.',
    'audit.kind.mfa.recovery-codes-regenerated': 'Made new recovery codes; the old ones no longer work.',
    'audit.kind.settings.changed': 'Changed the institution settings: {changes}.',
    'audit.kind.settings.ticket-logo': '{removed, select, true {Removed the ticket logo.} other {Set a new ticket logo ({width, number} × {height, number} px, {size}).}}',
    'audit.kind.settings.mobile-ticket-url': '{hasUrl, select, true {Set the address of mobile tickets to {url}.} other {Switched off the links to mobile tickets.}}',
    'audit.kind.settings.mfa-feature': '{enabled, select, true {Switched two-step verification on for the institution.} other {Switched two-step verification off for the institution.}}',
    'audit.kind.settings.remember-device-days':
      '{days, plural, =0 {Devices are no longer remembered.} one {Devices are now remembered for # day.} other {Devices are now remembered for # days.}}',
    'audit.kind.settings.sms-gateway':
      '{kind, select, http {Text messages now go through the SMS provider {baseUrl} (account {accountSid}, sender {from}){tokenChanged, select, true {, with a new auth token} other {}}.} other {Text messages now go to the outbox file.}}',
    'audit.kind.settings.sms-test':
      '{ok, select, true {Sent a test SMS to {to} through the {gateway, select, http {SMS provider} other {outbox file}}.} other {A test SMS to {to} through the {gateway, select, http {SMS provider} other {outbox file}} could not be sent.}}',
    'audit.kind.store.backup': 'Backed up the data to {file} ({size}).',
    'audit.kind.store.restored':
      'Restored the data from {file}; the previous data is kept in {safetyCopy}{sessionsEnded, plural, =0 {} one {; # session ended} other {; # sessions ended}}.{hasReplaced, select, true { The log before the restore ended with entry #{replacedLogLastId}.} other {}}',
    'audit.kind.store.restore-refused': 'Refused to restore {file}: {reason}',
    'audit.kind.venue.created': 'Created the venue, with {terminal} as its first {kind, select, gate {gate} other {desk}}.',
    'audit.kind.venue.recovered': 'Recovered the venue with its key, on the new {kind, select, gate {gate} other {desk}} {terminal}.',
    'audit.kind.venue.key-exported': 'Exported the venue key.',
    'audit.kind.venue.join-code-created': 'Created a join code for the {kind, select, gate {gate} other {desk}} {subject}, valid until {expiresAt}.',
    'audit.kind.venue.terminal-revoked': 'Revoked the terminal {subject}.',
    'audit.kind.job.started':
      '{kind, select, print_at_home {Started issuing print@home tickets} mobile {Started issuing mobile tickets} reissue {Started reissuing tickets} other {Started a job}} for order {subject} ({tickets, plural, one {# ticket} other {# tickets}}).',
    'audit.kind.job.cancel-requested':
      'Asked to stop {kind, select, print_at_home {issuing print@home tickets} mobile {issuing mobile tickets} reissue {reissuing tickets} other {a job}} for order {subject} after {done, number} of {total, plural, one {# ticket} other {# tickets}}.',
    'audit.kind.job.ended':
      '{kind, select, print_at_home {Issuing print@home tickets} mobile {Issuing mobile tickets} reissue {Reissuing tickets} other {A job}} for order {subject} {state, select, done {finished} cancelled {was stopped} failed {failed} other {ended}}: {issued, number} of {total, number} issued, {refused, number} refused.',
    'audit.kind.gate.scans': 'Gate scans for event #{event}: {scans, plural, one {# scan} other {# scans}} ({counts}).',
  },
  fr: {
    'audit.title': 'Journal d’audit',
    'audit.filter.operator': 'Identifiant de l’opérateur',
    'audit.filter.kind': 'Type (p. ex. auth. ou delivery.)',
    'audit.filter.from': 'Du',
    'audit.filter.to': 'Au',
    'audit.filter.submit': 'Filtrer',
    'audit.export': 'Exporter en CSV',
    'audit.verify': 'Vérifier',
    'audit.intact': 'Le journal est intact : {checked, plural, one {# entrée vérifiée} other {# entrées vérifiées}}, aucune modifiée ni supprimée.',
    'audit.tampered':
      'Le journal a été falsifié : {problem}{unreadableCount, plural, =0 {} other { Entrées illisibles : {unreadable}.}} Laissez cet ordinateur en l’état et prévenez votre responsable de la sécurité.',
    'audit.problem':
      '{problem, select, unsealed {L’entrée n° {id} ne porte pas de sceau : elle a été écrite ou modifiée en dehors de Box Office.} missingAll {Toutes les entrées du journal manquent.} missing {Les entrées après la n° {last} manquent : le journal a été tronqué.} replaced {L’entrée n° {id} n’est pas celle que cet ordinateur y a enregistrée : la fin du journal a été supprimée puis réécrite.} unreadable {L’entrée n° {id} est illisible (son détail est endommagé).} anchor {L’ancre du journal dans le trousseau est illisible : une fin de journal tronquée ne peut pas être exclue.} other {L’entrée n° {id} a été modifiée, ou l’entrée qui la précède a été supprimée.}}',
    'audit.table': 'Entrées du journal',
    'audit.col.id': 'N°',
    'audit.col.time': 'Heure',
    'audit.col.operator': 'Opérateur',
    'audit.col.event': 'Événement',
    'audit.col.terminal': 'Poste',
    'audit.unreadable': 'Illisible :',
    'audit.newer': 'Plus récentes',
    'audit.older': 'Plus anciennes',
    'audit.empty': 'Aucune entrée',
    'audit.range': '{first, number}–{last, number} sur {total, number}',
    'audit.value.none': '—',
    'audit.value.yes': 'oui',
    'audit.value.no': 'non',
    'audit.entry.as': '{text}',
    'audit.entry.unknown': '{kind} : {fields}',
    'audit.entry.unknownBare': '{kind}',
    'audit.entry.field': '{name} : {value}',
    'audit.entry.approvedBy': '{text} Approuvé par {login}.',
    'audit.separator': ' ; ',
    'audit.setting':
      '{setting, select, name {nom} idleLockMinutes {verrouillage après inactivité (minutes)} absoluteHours {durée maximale de session (heures)} kioskIdleMinutes {déconnexion du kiosque (minutes)} passwordPolicy {règle des mots de passe} language {langue par défaut} timeZone {fuseau horaire} other {{setting}}} : {change}',
    'audit.scanResult':
      '{result, select, valid {admis} alreadyScanned {déjà scannés} revoked {billets révoqués} unknown {codes-barres inconnus} otherEvent {autre événement} unpaid {non payés} other {{result}}} : {count, number}',

    'audit.kind.setup.first-account': 'Installation de Box Office avec le premier compte, {subject} ({roles}).',
    'audit.kind.auth.sign-in': '{enrolled, select, true {Connexion après configuration de la validation en deux étapes.} other {Connexion.}}',
    'audit.kind.auth.password-accepted':
      'Mot de passe accepté ; {next, select, challenge {la deuxième étape suit} passwordChange {un nouveau mot de passe doit être choisi} enrollment {la validation en deux étapes doit être configurée} other {étape suivante : {next}}}.',
    'audit.kind.auth.throttled': 'Connexion en tant que {subject} refusée : la connexion est bloquée jusqu’au {until}.',
    'audit.kind.auth.sign-in-failed':
      'Échec de la connexion en tant que {subject} : {reason, select, unknown_login {identifiant inconnu} disabled {compte désactivé} wrong_password {mot de passe erroné} other {{reason}}} ({failures, plural, one {# échec} other {# échecs}} d’affilée).',
    'audit.kind.auth.throttle-started': 'Connexion en tant que {subject} bloquée jusqu’au {until} après {failures, plural, one {# échec} other {# échecs}}.',
    'audit.kind.auth.one-time-password-expired': 'Connexion refusée : le mot de passe à usage unique a expiré le {expiredAt}.',
    'audit.kind.auth.sign-out': '{reason, select, replaced {Déconnexion : une nouvelle connexion sur ce poste a remplacé la session.} other {Déconnexion.}}',
    'audit.kind.auth.password-changed':
      '{reason, select, one_time {Remplacement du mot de passe à usage unique par un mot de passe personnel.} other {Changement du mot de passe{otherSessionsEnded, plural, =0 {} one { ; # autre session terminée} other { ; # autres sessions terminées}}.}}',
    'audit.kind.auth.password-change-failed': 'Changement de mot de passe refusé : le mot de passe actuel était erroné.',
    'audit.kind.auth.reauth-failed': 'Échec de la confirmation par mot de passe : le mot de passe était erroné.',
    'audit.kind.auth.unlock-failed': 'Échec du déverrouillage : mot de passe erroné ({failures, plural, one {# échec} other {# échecs}}).',
    'audit.kind.auth.unlock': 'Déverrouillage de l’écran.',
    'audit.kind.kiosk.quit': 'Sortie du kiosque.',
    'audit.kind.kiosk.quit-refused':
      'Sortie du kiosque refusée : {reason, select, credentials {identifiant ou mot de passe erroné} not_admin {pas un administrateur} other {{reason}}}.',
    'audit.kind.delivery.mobile-issued': 'Émission de {tickets, plural, one {# billet mobile} other {# billets mobiles}}.',
    'audit.kind.delivery.mobile-link-sent': 'Envoi par SMS au {to} du lien du billet mobile {ticket} de la commande {subject}.',
    'audit.kind.delivery.mobile-link-failed': 'Échec de l’envoi par SMS au {to} du lien du billet mobile {ticket} de la commande {subject}.',
    'audit.kind.delivery.print-issued': 'Émission du billet {ticket} de la commande {subject} en print@home (version {generation}).',
    'audit.kind.delivery.print-reopened': 'Réouverture du fichier print@home du billet {ticket} de la commande {subject} (version {generation}).',
    'audit.kind.delivery.reissued':
      'Réédition du billet {subject}, auparavant {previousState, select, none {pas encore émis} mobile {billet mobile} print_at_home {billet print@home} other {{previousState}}} ; désormais version {generation}. Motif : {reason}',
    'audit.kind.audit.exported': 'Export du journal d’audit en CSV ({rows, plural, one {# entrée} other {# entrées}}).',
    'audit.kind.audit.sealed': 'Scellement de {entries, plural, one {# entrée ancienne} other {# entrées anciennes}} du journal, jusqu’à la n° {lastLegacyId}.',
    'audit.kind.orders.imported':
      'Import de {orders, plural, one {# commande} other {# commandes}} avec {tickets, plural, one {# billet} other {# billets}} pour {events, plural, one {# événement} other {# événements}}.',
    'audit.kind.orders.demo-loaded':
      'Chargement des données de démonstration : {orders, plural, one {# commande} other {# commandes}} avec {tickets, plural, one {# billet} other {# billets}} pour {events, plural, one {# événement} other {# événements}}.',
    'audit.kind.orders.import-refused': 'Import de commandes refusé ({code}).',
    'audit.kind.operators.created':
      'Création de l’opérateur {subject} ({roles}) ; validation en deux étapes {mfaRequired, select, true {exigée} other {non exigée}} ; mot de passe à usage unique valable jusqu’au {oneTimePasswordUntil}.',
    'audit.kind.operators.mfa-required-changed':
      '{required, select, true {Validation en deux étapes exigée pour {subject}{hasGrace, select, true {, avec {graceSignIns, plural, =0 {aucune connexion} one {# connexion} other {# connexions}} avant la configuration} other {}}.} other {Validation en deux étapes plus exigée pour {subject}.}}',
    'audit.kind.operators.roles-changed':
      'Changement du rôle de {subject} : {from} → {to}{sessionsEnded, plural, =0 {} one { ; # session terminée} other { ; # sessions terminées}}.',
    'audit.kind.operators.password-reset':
      'Réinitialisation du mot de passe de {subject} : mot de passe à usage unique valable jusqu’au {oneTimePasswordUntil}{sessionsEnded, plural, =0 {} one { ; # session terminée} other { ; # sessions terminées}}{devicesRevoked, plural, =0 {} one { ; # appareil mémorisé oublié} other { ; # appareils mémorisés oubliés}}.',
    'audit.kind.operators.throttle-lifted': 'Levée du blocage de connexion de {subject} (bloqué jusqu’au {wasLockedUntil}).',
    'audit.kind.operators.mfa-reset':
      'Réinitialisation de la validation en deux étapes de {subject}{devicesRevoked, plural, =0 {} one { ; # appareil mémorisé oublié} other { ; # appareils mémorisés oubliés}}.',
    'audit.kind.operators.disabled':
      'Désactivation de {subject}{sessionsEnded, plural, =0 {} one { ; # session terminée} other { ; # sessions terminées}}{devicesRevoked, plural, =0 {} one { ; # appareil mémorisé oublié} other { ; # appareils mémorisés oubliés}}.',
    'audit.kind.operators.enabled': 'Activation de {subject}.',
    'audit.kind.mfa.verify-failed':
      '{method, select, totp {Code de l’application d’authentification erroné} sms {Code SMS erroné} recovery {Code de récupération erroné} emergency {Code d’urgence refusé} other {Code erroné}} ({failures, plural, one {# échec} other {# échecs}}).',
    'audit.kind.mfa.sign-in-dropped': 'Connexion interrompue après {failures, plural, one {# code erroné} other {# codes erronés}}.',
    'audit.kind.mfa.throttle-started': 'Validation en deux étapes bloquée jusqu’au {until} après trop de codes erronés.',
    'audit.kind.mfa.verified':
      'Validation en deux étapes réussie avec {method, select, totp {l’application d’authentification} sms {un code SMS} recovery {un code de récupération} emergency {un code d’urgence d’un administrateur} other {{method}}}.',
    'audit.kind.mfa.recovery-code-used': 'Utilisation d’un code de récupération ({left, plural, =0 {plus aucun restant} one {# restant} other {# restants}}).',
    'audit.kind.operators.emergency-code-issued':
      'Émission d’un code d’urgence pour {subject}, valable jusqu’au {expiresAt}{replaced, plural, =0 {} other { ; le code précédent non utilisé est révoqué}}.',
    'audit.kind.operators.emergency-code-revoked': 'Révocation du code d’urgence de {subject}.',
    'audit.kind.mfa.emergency-code-used': 'Utilisation d’un code d’urgence émis par {issuedBy}.',
    'audit.kind.auth.enrollment-grace-used':
      'Connexion avant la configuration exigée de la validation en deux étapes ({left, plural, =0 {configuration à la prochaine connexion} one {encore # connexion avant la configuration} other {encore # connexions avant la configuration}}).',
    'audit.kind.mfa.sms-sent': 'Envoi par SMS au {to} d’un code {purpose, select, enroll {de configuration} step_up {de confirmation} approve {d’accord} other {de connexion}}.',
    'audit.kind.mfa.sms-failed': 'Échec de l’envoi par SMS au {to} d’un code {purpose, select, enroll {de configuration} step_up {de confirmation} approve {d’accord} other {de connexion}}.',
    'audit.kind.auth.step-up': 'Nouvelle confirmation avec {method, select, totp {l’application d’authentification} sms {un SMS} recovery {un code de récupération} other {le mot de passe}} avant {action, select, reissue {la réémission d’un billet délivré} bulkReissue {la réémission d’une commande} restore {la restauration d’une sauvegarde} twoStepOff {la désactivation de la validation en deux étapes} emergencyCode {l’émission d’un code d’urgence} approvalsOff {la suppression d’un accord de superviseur} other {la réinitialisation des seconds facteurs de quelqu’un}}.',
    'audit.kind.auth.step-up-failed':
      'Confirmation avec {method, select, totp {l’application d’authentification} sms {un SMS} recovery {un code de récupération} other {le mot de passe}} refusée avant {action, select, reissue {la réémission d’un billet délivré} bulkReissue {la réémission d’une commande} restore {la restauration d’une sauvegarde} twoStepOff {la désactivation de la validation en deux étapes} emergencyCode {l’émission d’un code d’urgence} approvalsOff {la suppression d’un accord de superviseur} other {la réinitialisation des seconds facteurs de quelqu’un}} : {reason, select, password_refused {un mot de passe ne suffit pas une fois un second facteur configuré} other {code ou mot de passe erroné}}.{locked, select, true { Le poste a été verrouillé.} other {}}',
    'audit.kind.approval.granted': '{subject} a approuvé {action, select, reissue {la réémission d’un billet délivré} bulkReissue {la réémission d’une commande} restore {la restauration d’une sauvegarde} twoStepOff {la désactivation de la validation en deux étapes} emergencyCode {l’émission d’un code d’urgence} approvalsOff {la suppression d’un accord de superviseur} other {la réinitialisation des seconds facteurs de quelqu’un}} à ce poste avec {method, select, totp {l’application d’authentification} sms {un SMS} recovery {un code de récupération} other {le mot de passe}}.',
    'audit.kind.approval.refused':
      'Accord de {subject} pour {action, select, reissue {la réémission d’un billet délivré} bulkReissue {la réémission d’une commande} restore {la restauration d’une sauvegarde} twoStepOff {la désactivation de la validation en deux étapes} emergencyCode {l’émission d’un code d’urgence} approvalsOff {la suppression d’un accord de superviseur} other {la réinitialisation des seconds facteurs de quelqu’un}} refusé : {reason, select, credentials {identifiant ou mot de passe erroné} code {code erroné} own {personne n’approuve sa propre action} disabled {le compte est désactivé} not_supervisor {le compte ne peut pas approuver} throttled {trop d’accords erronés} other {{reason}}}.',
    'audit.kind.mfa.device-honoured': 'Connexion sans code sur l’appareil mémorisé {device}.',
    'audit.kind.mfa.device-remembered': 'Mémorisation de l’appareil {device} pendant {days, plural, one {# jour} other {# jours}}.',
    'audit.kind.mfa.device-revoked': 'Oubli de l’appareil mémorisé {device} de l’opérateur n° {subject}.',
    'audit.kind.mfa.totp-enrollment-started': 'Début de la configuration d’une application d’authentification.',
    'audit.kind.mfa.totp-enrolled': 'Configuration d’une application d’authentification.',
    'audit.kind.mfa.sms-enrolled': 'Configuration des codes SMS vers le {phone}.',
    'audit.kind.mfa.recovery-codes-regenerated': 'Création de nouveaux codes de récupération ; les anciens ne fonctionnent plus.',
    'audit.kind.settings.changed': 'Modification des paramètres de l’établissement : {changes}.',
    'audit.kind.settings.ticket-logo':
      '{removed, select, true {Suppression du logo des billets.} other {Nouveau logo des billets ({width, number} × {height, number} px, {size}).}}',
    'audit.kind.settings.mobile-ticket-url':
      '{hasUrl, select, true {Adresse des billets mobiles définie sur {url}.} other {Désactivation des liens vers les billets mobiles.}}',
    'audit.kind.settings.mfa-feature':
      '{enabled, select, true {Activation de la validation en deux étapes pour l’établissement.} other {Désactivation de la validation en deux étapes pour l’établissement.}}',
    'audit.kind.settings.remember-device-days':
      '{days, plural, =0 {Les appareils ne sont plus mémorisés.} one {Les appareils sont désormais mémorisés pendant # jour.} other {Les appareils sont désormais mémorisés pendant # jours.}}',
    'audit.kind.settings.sms-gateway':
      '{kind, select, http {Les SMS passent désormais par le fournisseur {baseUrl} (compte {accountSid}, expéditeur {from}){tokenChanged, select, true {, avec un nouveau jeton d’authentification} other {}}.} other {Les SMS vont désormais dans le fichier d’envoi.}}',
    'audit.kind.settings.sms-test':
      '{ok, select, true {Envoi d’un SMS de test au {to} {gateway, select, http {par le fournisseur SMS} other {dans le fichier d’envoi}}.} other {Échec de l’envoi d’un SMS de test au {to} {gateway, select, http {par le fournisseur SMS} other {dans le fichier d’envoi}}.}}',
    'audit.kind.store.backup': 'Sauvegarde des données dans {file} ({size}).',
    'audit.kind.store.restored':
      'Restauration des données depuis {file} ; les données précédentes sont conservées dans {safetyCopy}{sessionsEnded, plural, =0 {} one { ; # session terminée} other { ; # sessions terminées}}.{hasReplaced, select, true { Le journal d’avant la restauration se terminait par l’entrée n° {replacedLogLastId}.} other {}}',
    'audit.kind.store.restore-refused': 'Restauration de {file} refusée : {reason}',
    'audit.kind.venue.created': 'Création du lieu, avec {terminal} comme premier {kind, select, gate {contrôle d’accès} other {guichet}}.',
    'audit.kind.venue.recovered': 'Reprise du lieu avec sa clé, sur le nouveau {kind, select, gate {contrôle d’accès} other {guichet}} {terminal}.',
    'audit.kind.venue.key-exported': 'Export de la clé du lieu.',
    'audit.kind.venue.join-code-created': 'Création d’un code d’adhésion pour le {kind, select, gate {contrôle d’accès} other {guichet}} {subject}, valable jusqu’au {expiresAt}.',
    'audit.kind.venue.terminal-revoked': 'Révocation du poste {subject}.',
    'audit.kind.job.started':
      '{kind, select, print_at_home {Début de l’émission de billets print@home} mobile {Début de l’émission de billets mobiles} reissue {Début de la réédition de billets} other {Début d’une tâche}} pour la commande {subject} ({tickets, plural, one {# billet} other {# billets}}).',
    'audit.kind.job.cancel-requested':
      'Demande d’arrêt {kind, select, print_at_home {de l’émission de billets print@home} mobile {de l’émission de billets mobiles} reissue {de la réédition de billets} other {d’une tâche}} pour la commande {subject} après {done, number} sur {total, plural, one {# billet} other {# billets}}.',
    'audit.kind.job.ended':
      '{kind, select, print_at_home {Émission de billets print@home} mobile {Émission de billets mobiles} reissue {Réédition de billets} other {Tâche}} pour la commande {subject} {state, select, done {terminée} cancelled {arrêtée} failed {en échec} other {finie}} : {issued, number} sur {total, number} émis, {refused, number} refusés.',
    'audit.kind.gate.scans': 'Passages au contrôle d’accès pour l’événement n° {event} : {scans, plural, one {# scan} other {# scans}} ({counts}).',
  },
  de: {
    'audit.title': 'Prüfprotokoll',
    'audit.filter.operator': 'Benutzername des Bedieners',
    'audit.filter.kind': 'Art (z. B. auth. oder delivery.)',
    'audit.filter.from': 'Von',
    'audit.filter.to': 'Bis',
    'audit.filter.submit': 'Filtern',
    'audit.export': 'Als CSV exportieren',
    'audit.verify': 'Prüfen',
    'audit.intact': 'Das Protokoll ist unversehrt: {checked, plural, one {# Eintrag geprüft} other {# Einträge geprüft}}, keiner geändert oder entfernt.',
    'audit.tampered':
      'Das Protokoll wurde manipuliert: {problem}{unreadableCount, plural, =0 {} other { Unlesbare Einträge: {unreadable}.}} Lassen Sie diesen Computer unverändert und informieren Sie Ihre Ansprechperson für Sicherheit.',
    'audit.problem':
      '{problem, select, unsealed {Eintrag Nr. {id} trägt kein Siegel: Er wurde außerhalb von Box Office geschrieben oder geändert.} missingAll {Alle Einträge des Protokolls fehlen.} missing {Die Einträge nach Nr. {last} fehlen: Das Protokoll wurde gekürzt.} replaced {Eintrag Nr. {id} ist nicht der Eintrag, den dieser Computer dort aufgezeichnet hat: Das Ende des Protokolls wurde entfernt und neu geschrieben.} unreadable {Eintrag Nr. {id} ist unlesbar (seine Details sind beschädigt).} anchor {Der Anker des Protokolls im Schlüsselbund ist unlesbar; ein gekürztes Protokollende lässt sich daher nicht ausschließen.} other {Eintrag Nr. {id} wurde geändert, oder der Eintrag davor wurde entfernt.}}',
    'audit.table': 'Protokolleinträge',
    'audit.col.id': 'Nr.',
    'audit.col.time': 'Zeit',
    'audit.col.operator': 'Bediener',
    'audit.col.event': 'Ereignis',
    'audit.col.terminal': 'Terminal',
    'audit.unreadable': 'Unlesbar:',
    'audit.newer': 'Neuere',
    'audit.older': 'Ältere',
    'audit.empty': 'Keine Einträge',
    'audit.range': '{first, number}–{last, number} von {total, number}',
    'audit.value.none': '—',
    'audit.value.yes': 'ja',
    'audit.value.no': 'nein',
    'audit.entry.as': '{text}',
    'audit.entry.unknown': '{kind}: {fields}',
    'audit.entry.unknownBare': '{kind}',
    'audit.entry.field': '{name}: {value}',
    'audit.entry.approvedBy': '{text} Freigegeben von {login}.',
    'audit.separator': '; ',
    'audit.setting':
      '{setting, select, name {Name} idleLockMinutes {Sperre bei Inaktivität (Minuten)} absoluteHours {maximale Sitzungsdauer (Stunden)} kioskIdleMinutes {Kiosk-Abmeldung (Minuten)} passwordPolicy {Passwortregeln} language {Standardsprache} timeZone {Zeitzone} other {{setting}}}: {change}',
    'audit.scanResult':
      '{result, select, valid {eingelassen} alreadyScanned {bereits gescannt} revoked {widerrufene Tickets} unknown {unbekannte Barcodes} otherEvent {andere Veranstaltung} unpaid {unbezahlt} other {{result}}}: {count, number}',

    'audit.kind.setup.first-account': 'Box Office mit dem ersten Konto eingerichtet, {subject} ({roles}).',
    'audit.kind.auth.sign-in': '{enrolled, select, true {Nach Einrichtung der Zwei-Schritt-Verifizierung angemeldet.} other {Angemeldet.}}',
    'audit.kind.auth.password-accepted':
      'Passwort akzeptiert; {next, select, challenge {der zweite Schritt folgt} passwordChange {ein neues Passwort muss gewählt werden} enrollment {die Zwei-Schritt-Verifizierung muss eingerichtet werden} other {nächster Schritt: {next}}}.',
    'audit.kind.auth.throttled': 'Anmeldung als {subject} abgelehnt: Die Anmeldung ist bis {until} gesperrt.',
    'audit.kind.auth.sign-in-failed':
      'Anmeldung als {subject} fehlgeschlagen: {reason, select, unknown_login {unbekannter Benutzername} disabled {Konto deaktiviert} wrong_password {falsches Passwort} other {{reason}}} ({failures, plural, one {# Fehlversuch} other {# Fehlversuche}} in Folge).',
    'audit.kind.auth.throttle-started': 'Anmeldung als {subject} nach {failures, plural, one {# Fehlversuch} other {# Fehlversuchen}} bis {until} gesperrt.',
    'audit.kind.auth.one-time-password-expired': 'Anmeldung abgelehnt: Das Einmalpasswort ist am {expiredAt} abgelaufen.',
    'audit.kind.auth.sign-out': '{reason, select, replaced {Abgemeldet: Eine neue Anmeldung an diesem Terminal hat die Sitzung ersetzt.} other {Abgemeldet.}}',
    'audit.kind.auth.password-changed':
      '{reason, select, one_time {Einmalpasswort durch ein eigenes Passwort ersetzt.} other {Eigenes Passwort geändert{otherSessionsEnded, plural, =0 {} one {; # weitere Sitzung beendet} other {; # weitere Sitzungen beendet}}.}}',
    'audit.kind.auth.password-change-failed': 'Passwortänderung abgelehnt: Das aktuelle Passwort war falsch.',
    'audit.kind.auth.reauth-failed': 'Bestätigung mit dem Passwort fehlgeschlagen: Das Passwort war falsch.',
    'audit.kind.auth.unlock-failed': 'Entsperren fehlgeschlagen: falsches Passwort ({failures, plural, one {# Fehlversuch} other {# Fehlversuche}}).',
    'audit.kind.auth.unlock': 'Bildschirm entsperrt.',
    'audit.kind.kiosk.quit': 'Kiosk beendet.',
    'audit.kind.kiosk.quit-refused':
      'Beenden des Kiosks abgelehnt: {reason, select, credentials {falscher Benutzername oder falsches Passwort} not_admin {kein Administrator} other {{reason}}}.',
    'audit.kind.delivery.mobile-issued': '{tickets, plural, one {# Handy-Ticket} other {# Handy-Tickets}} ausgestellt.',
    'audit.kind.delivery.mobile-link-sent': 'Link zum Handy-Ticket {ticket} der Bestellung {subject} per SMS an {to} gesendet.',
    'audit.kind.delivery.mobile-link-failed': 'Link zum Handy-Ticket {ticket} der Bestellung {subject} konnte nicht per SMS an {to} gesendet werden.',
    'audit.kind.delivery.print-issued': 'Ticket {ticket} der Bestellung {subject} als print@home ausgestellt (Version {generation}).',
    'audit.kind.delivery.print-reopened': 'print@home-Datei von Ticket {ticket} der Bestellung {subject} erneut geöffnet (Version {generation}).',
    'audit.kind.delivery.reissued':
      'Ticket {subject} neu ausgestellt, bisher {previousState, select, none {noch nicht ausgestellt} mobile {Handy-Ticket} print_at_home {print@home-Ticket} other {{previousState}}}; jetzt Version {generation}. Grund: {reason}',
    'audit.kind.audit.exported': 'Prüfprotokoll als CSV exportiert ({rows, plural, one {# Eintrag} other {# Einträge}}).',
    'audit.kind.audit.sealed': '{entries, plural, one {# älterer Eintrag} other {# ältere Einträge}} des Protokolls versiegelt, bis Nr. {lastLegacyId}.',
    'audit.kind.orders.imported':
      '{orders, plural, one {# Bestellung} other {# Bestellungen}} mit {tickets, plural, one {# Ticket} other {# Tickets}} für {events, plural, one {# Veranstaltung} other {# Veranstaltungen}} importiert.',
    'audit.kind.orders.demo-loaded':
      'Demodaten geladen: {orders, plural, one {# Bestellung} other {# Bestellungen}} mit {tickets, plural, one {# Ticket} other {# Tickets}} für {events, plural, one {# Veranstaltung} other {# Veranstaltungen}}.',
    'audit.kind.orders.import-refused': 'Ein Bestellimport wurde abgelehnt ({code}).',
    'audit.kind.operators.created':
      'Bediener {subject} angelegt ({roles}); Zwei-Schritt-Verifizierung {mfaRequired, select, true {verlangt} other {nicht verlangt}}; Einmalpasswort gültig bis {oneTimePasswordUntil}.',
    'audit.kind.operators.mfa-required-changed':
      '{required, select, true {Zwei-Schritt-Verifizierung für {subject} verlangt{hasGrace, select, true {, mit {graceSignIns, plural, =0 {keiner Anmeldung} one {# Anmeldung} other {# Anmeldungen}} vor der Einrichtung} other {}}.} other {Zwei-Schritt-Verifizierung für {subject} nicht mehr verlangt.}}',
    'audit.kind.operators.roles-changed':
      'Rolle von {subject} geändert: {from} → {to}{sessionsEnded, plural, =0 {} one {; # Sitzung beendet} other {; # Sitzungen beendet}}.',
    'audit.kind.operators.password-reset':
      'Passwort von {subject} zurückgesetzt: Einmalpasswort gültig bis {oneTimePasswordUntil}{sessionsEnded, plural, =0 {} one {; # Sitzung beendet} other {; # Sitzungen beendet}}{devicesRevoked, plural, =0 {} one {; # gemerktes Gerät vergessen} other {; # gemerkte Geräte vergessen}}.',
    'audit.kind.operators.throttle-lifted': 'Anmeldesperre von {subject} aufgehoben (gesperrt bis {wasLockedUntil}).',
    'audit.kind.operators.mfa-reset':
      'Zwei-Schritt-Verifizierung von {subject} zurückgesetzt{devicesRevoked, plural, =0 {} one {; # gemerktes Gerät vergessen} other {; # gemerkte Geräte vergessen}}.',
    'audit.kind.operators.disabled':
      '{subject} deaktiviert{sessionsEnded, plural, =0 {} one {; # Sitzung beendet} other {; # Sitzungen beendet}}{devicesRevoked, plural, =0 {} one {; # gemerktes Gerät vergessen} other {; # gemerkte Geräte vergessen}}.',
    'audit.kind.operators.enabled': '{subject} aktiviert.',
    'audit.kind.mfa.verify-failed':
      '{method, select, totp {Falscher Code der Authenticator-App} sms {Falscher SMS-Code} recovery {Falscher Wiederherstellungscode} emergency {Notfallcode abgelehnt} other {Falscher Code}} ({failures, plural, one {# Fehlversuch} other {# Fehlversuche}}).',
    'audit.kind.mfa.sign-in-dropped': 'Anmeldung nach {failures, plural, one {# falschen Code} other {# falschen Codes}} abgebrochen.',
    'audit.kind.mfa.throttle-started': 'Zwei-Schritt-Verifizierung nach zu vielen falschen Codes bis {until} gesperrt.',
    'audit.kind.mfa.verified':
      'Zwei-Schritt-Verifizierung bestanden mit {method, select, totp {der Authenticator-App} sms {einem SMS-Code} recovery {einem Wiederherstellungscode} emergency {einem Notfallcode der Administration} other {{method}}}.',
    'audit.kind.mfa.recovery-code-used': 'Wiederherstellungscode verwendet ({left, plural, =0 {keiner mehr übrig} other {# übrig}}).',
    'audit.kind.operators.emergency-code-issued':
      'Notfallcode für {subject} ausgestellt, gültig bis {expiresAt}{replaced, plural, =0 {} other {; der frühere, unbenutzte Code widerrufen}}.',
    'audit.kind.operators.emergency-code-revoked': 'Notfallcode von {subject} widerrufen.',
    'audit.kind.mfa.emergency-code-used': 'Notfallcode verwendet, ausgestellt von {issuedBy}.',
    'audit.kind.auth.enrollment-grace-used':
      'Angemeldet, bevor die verlangte Zwei-Schritt-Verifizierung eingerichtet wurde ({left, plural, =0 {Einrichtung bei der nächsten Anmeldung} one {noch # Anmeldung vor der Einrichtung} other {noch # Anmeldungen vor der Einrichtung}}).',
    'audit.kind.mfa.sms-sent': '{purpose, select, enroll {Einrichtungscode} step_up {Bestätigungscode} approve {Freigabecode} other {Anmeldecode}} per SMS an {to} gesendet.',
    'audit.kind.mfa.sms-failed': '{purpose, select, enroll {Einrichtungscode} step_up {Bestätigungscode} approve {Freigabecode} other {Anmeldecode}} konnte nicht per SMS an {to} gesendet werden.',
    'audit.kind.auth.step-up': 'Erneut bestätigt mit {method, select, totp {der Authenticator-App} sms {einer SMS} recovery {einem Wiederherstellungscode} other {dem Passwort}} vor {action, select, reissue {der Neuausstellung eines ausgegebenen Tickets} bulkReissue {der Neuausstellung einer Bestellung} restore {dem Wiederherstellen einer Sicherung} twoStepOff {dem Ausschalten der Bestätigung in zwei Schritten} emergencyCode {dem Ausstellen eines Notfallcodes} approvalsOff {dem Ausschalten einer Freigabe durch Supervisor} other {dem Zurücksetzen der zweiten Faktoren einer Person}}.',
    'audit.kind.auth.step-up-failed':
      'Bestätigung mit {method, select, totp {der Authenticator-App} sms {einer SMS} recovery {einem Wiederherstellungscode} other {dem Passwort}} vor {action, select, reissue {der Neuausstellung eines ausgegebenen Tickets} bulkReissue {der Neuausstellung einer Bestellung} restore {dem Wiederherstellen einer Sicherung} twoStepOff {dem Ausschalten der Bestätigung in zwei Schritten} emergencyCode {dem Ausstellen eines Notfallcodes} approvalsOff {dem Ausschalten einer Freigabe durch Supervisor} other {dem Zurücksetzen der zweiten Faktoren einer Person}} abgelehnt: {reason, select, password_refused {ein Passwort genügt nicht, sobald ein zweiter Faktor eingerichtet ist} other {falscher Code oder falsches Passwort}}.{locked, select, true { Das Terminal wurde gesperrt.} other {}}',
    'audit.kind.approval.granted': '{subject} hat {action, select, reissue {die Neuausstellung eines ausgegebenen Tickets} bulkReissue {die Neuausstellung einer Bestellung} restore {das Wiederherstellen einer Sicherung} twoStepOff {das Ausschalten der Bestätigung in zwei Schritten} emergencyCode {das Ausstellen eines Notfallcodes} approvalsOff {das Ausschalten einer Freigabe durch Supervisor} other {das Zurücksetzen der zweiten Faktoren einer Person}} an diesem Terminal mit {method, select, totp {der Authenticator-App} sms {einer SMS} recovery {einem Wiederherstellungscode} other {dem Passwort}} freigegeben.',
    'audit.kind.approval.refused':
      'Freigabe durch {subject} für {action, select, reissue {die Neuausstellung eines ausgegebenen Tickets} bulkReissue {die Neuausstellung einer Bestellung} restore {das Wiederherstellen einer Sicherung} twoStepOff {das Ausschalten der Bestätigung in zwei Schritten} emergencyCode {das Ausstellen eines Notfallcodes} approvalsOff {das Ausschalten einer Freigabe durch Supervisor} other {das Zurücksetzen der zweiten Faktoren einer Person}} abgelehnt: {reason, select, credentials {falscher Anmeldename oder falsches Passwort} code {falscher Code} own {niemand gibt die eigene Aktion frei} disabled {das Konto ist deaktiviert} not_supervisor {das Konto kann nicht freigeben} throttled {zu viele falsche Freigaben} other {{reason}}}.',
    'audit.kind.mfa.device-honoured': 'Ohne Code auf dem gemerkten Gerät {device} angemeldet.',
    'audit.kind.mfa.device-remembered': 'Gerät {device} für {days, plural, one {# Tag} other {# Tage}} gemerkt.',
    'audit.kind.mfa.device-revoked': 'Gemerktes Gerät {device} von Bediener Nr. {subject} vergessen.',
    'audit.kind.mfa.totp-enrollment-started': 'Einrichtung einer Authenticator-App begonnen.',
    'audit.kind.mfa.totp-enrolled': 'Authenticator-App eingerichtet.',
    'audit.kind.mfa.sms-enrolled': 'SMS-Codes an {phone} eingerichtet.',
    'audit.kind.mfa.recovery-codes-regenerated': 'Neue Wiederherstellungscodes erstellt; die alten funktionieren nicht mehr.',
    'audit.kind.settings.changed': 'Einstellungen der Institution geändert: {changes}.',
    'audit.kind.settings.ticket-logo': '{removed, select, true {Ticket-Logo entfernt.} other {Neues Ticket-Logo gesetzt ({width, number} × {height, number} px, {size}).}}',
    'audit.kind.settings.mobile-ticket-url': '{hasUrl, select, true {Adresse der Handy-Tickets auf {url} gesetzt.} other {Links zu Handy-Tickets ausgeschaltet.}}',
    'audit.kind.settings.mfa-feature':
      '{enabled, select, true {Zwei-Schritt-Verifizierung für die Institution eingeschaltet.} other {Zwei-Schritt-Verifizierung für die Institution ausgeschaltet.}}',
    'audit.kind.settings.remember-device-days':
      '{days, plural, =0 {Geräte werden nicht mehr gemerkt.} one {Geräte werden jetzt # Tag lang gemerkt.} other {Geräte werden jetzt # Tage lang gemerkt.}}',
    'audit.kind.settings.sms-gateway':
      '{kind, select, http {SMS gehen jetzt über den SMS-Anbieter {baseUrl} (Konto {accountSid}, Absender {from}){tokenChanged, select, true {, mit einem neuen Auth-Token} other {}}.} other {SMS gehen jetzt in die Ausgangsdatei.}}',
    'audit.kind.settings.sms-test':
      '{ok, select, true {Test-SMS an {to} {gateway, select, http {über den SMS-Anbieter gesendet} other {in die Ausgangsdatei geschrieben}}.} other {Test-SMS an {to} {gateway, select, http {über den SMS-Anbieter} other {in die Ausgangsdatei}} konnte nicht gesendet werden.}}',
    'audit.kind.store.backup': 'Daten nach {file} gesichert ({size}).',
    'audit.kind.store.restored':
      'Daten aus {file} wiederhergestellt; die bisherigen Daten liegen in {safetyCopy}{sessionsEnded, plural, =0 {} one {; # Sitzung beendet} other {; # Sitzungen beendet}}.{hasReplaced, select, true { Das Protokoll vor der Wiederherstellung endete mit Eintrag Nr. {replacedLogLastId}.} other {}}',
    'audit.kind.store.restore-refused': 'Wiederherstellung von {file} abgelehnt: {reason}',
    'audit.kind.venue.created': 'Spielstätte eingerichtet, mit {terminal} als {kind, select, gate {erstem Einlass} other {erster Kasse}}.',
    'audit.kind.venue.recovered': 'Spielstätte mit ihrem Schlüssel wiederhergestellt, auf {kind, select, gate {dem neuen Einlass} other {der neuen Kasse}} {terminal}.',
    'audit.kind.venue.key-exported': 'Spielstätten-Schlüssel exportiert.',
    'audit.kind.venue.join-code-created': 'Beitrittscode für {kind, select, gate {den Einlass} other {die Kasse}} {subject} erstellt, gültig bis {expiresAt}.',
    'audit.kind.venue.terminal-revoked': 'Terminal {subject} widerrufen.',
    'audit.kind.job.started':
      '{kind, select, print_at_home {Ausstellung von print@home-Tickets} mobile {Ausstellung von Handy-Tickets} reissue {Neuausstellung von Tickets} other {Auftrag}} für Bestellung {subject} gestartet ({tickets, plural, one {# Ticket} other {# Tickets}}).',
    'audit.kind.job.cancel-requested':
      'Abbruch {kind, select, print_at_home {der Ausstellung von print@home-Tickets} mobile {der Ausstellung von Handy-Tickets} reissue {der Neuausstellung von Tickets} other {eines Auftrags}} für Bestellung {subject} nach {done, number} von {total, plural, one {# Ticket} other {# Tickets}} angefordert.',
    'audit.kind.job.ended':
      '{kind, select, print_at_home {Ausstellung von print@home-Tickets} mobile {Ausstellung von Handy-Tickets} reissue {Neuausstellung von Tickets} other {Auftrag}} für Bestellung {subject} {state, select, done {abgeschlossen} cancelled {abgebrochen} failed {fehlgeschlagen} other {beendet}}: {issued, number} von {total, number} ausgestellt, {refused, number} abgelehnt.',
    'audit.kind.gate.scans': 'Einlass-Scans für Veranstaltung Nr. {event}: {scans, plural, one {# Scan} other {# Scans}} ({counts}).',
  },
});
