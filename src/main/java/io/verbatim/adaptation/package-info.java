/**
 * Speech adaptation: what makes the embedded recogniser good for one business. A tenant's vocabulary
 * (company, product and agent names with optional "sounds like" spellings) and a domain language
 * model estimated from the tenant's own text (interpolated modified Kneser-Ney trigrams, ARPA), which
 * the speech engine interpolates with its general English model when it decodes that tenant's
 * recordings.
 */
package io.verbatim.adaptation;
