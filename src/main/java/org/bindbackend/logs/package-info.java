/**
 * What the backend writes to its logs: one logger per class whose lines carry the request's id
 * ({@link org.bindbackend.logs.Logs}, {@link org.bindbackend.logs.RequestIds}), warnings that outsiders can make it
 * repeat summarized once a minute ({@link org.bindbackend.logs.RepeatedWarnings}), and the audit trail, one JSON line
 * per security event on a logger of its own ({@link org.bindbackend.logs.AuditTrail}). Nothing here knows the
 * backend; every package may use it.
 */
package org.bindbackend.logs;
