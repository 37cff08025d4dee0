import { defineMessages } from '../catalogue';

/** Keys start with "ticket.": what a customer reads, in her order's language (a print@home PDF, a mobile-ticket text message). */
export default defineMessages({
  en: {
    'ticket.pdf.kind': 'print@home ticket',
    'ticket.pdf.duplicate': 'Duplicate #{number}',
    'ticket.pdf.seat': 'Seat',
    'ticket.pdf.holder': 'Holder',
    'ticket.pdf.order': 'Order',
    'ticket.pdf.price': 'Price',
    'ticket.pdf.showAtEntrance': 'Show this page, printed or on a screen, at the entrance. Each ticket admits one person once.',
    'ticket.pdf.copiesRefused': 'Copies of this ticket are refused once the original has been scanned. A reissued ticket replaces all earlier ones.',
    'ticket.sms.body': '{institution}: your ticket for {event}, {seat}: {link}',
  },
  fr: {
    'ticket.pdf.kind': 'Billet print@home',
    'ticket.pdf.duplicate': 'Duplicata n° {number}',
    'ticket.pdf.seat': 'Place',
    'ticket.pdf.holder': 'Titulaire',
    'ticket.pdf.order': 'Commande',
    'ticket.pdf.price': 'Prix',
    'ticket.pdf.showAtEntrance': 'Présentez cette page, imprimée ou sur écran, à l’entrée. Chaque billet donne accès une fois à une personne.',
    'ticket.pdf.copiesRefused': 'Les copies de ce billet sont refusées dès que l’original a été scanné. Un billet réédité remplace les précédents.',
    'ticket.sms.body': '{institution} : votre billet pour {event}, {seat} : {link}',
  },
  de: {
    'ticket.pdf.kind': 'print@home-Ticket',
    'ticket.pdf.duplicate': 'Duplikat Nr. {number}',
    'ticket.pdf.seat': 'Platz',
    'ticket.pdf.holder': 'Inhaber',
    'ticket.pdf.order': 'Bestellung',
    'ticket.pdf.price': 'Preis',
    'ticket.pdf.showAtEntrance': 'Zeigen Sie diese Seite am Eingang vor, gedruckt oder am Bildschirm. Jedes Ticket gilt einmal für eine Person.',
    'ticket.pdf.copiesRefused': 'Kopien dieses Tickets werden abgewiesen, sobald das Original gescannt wurde. Ein neu ausgestelltes Ticket ersetzt alle früheren.',
    'ticket.sms.body': '{institution}: Ihr Ticket für {event}, {seat}: {link}',
  },
});
