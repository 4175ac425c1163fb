/**
 * Cross-cutting infrastructure every module stands on: the database (embedded PostgreSQL by
 * default), the data directory and problem+json errors. Open so modules can use its types.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.verbatim.platform;
