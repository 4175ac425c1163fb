/**
 * Contact cards: the one person (phone, e-mail, name, address, property details, AI fields) that every
 * conversation, lead, appointment, recording session and task points to. Other modules use
 * {@link io.verbatim.contacts.ContactCards} to find or create a card; conversations are linked on intake by
 * listening to the conversations module's events, so the platform modules do not depend on this one.
 */
package io.verbatim.contacts;
