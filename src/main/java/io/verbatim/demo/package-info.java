/** Demo mode: the tenants, people and (once the pipeline exists) conversations of a first start. */
package io.verbatim.demo;
