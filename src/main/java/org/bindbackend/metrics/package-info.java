/**
 * What the backend counts and times for operators ({@link org.bindbackend.metrics.Metrics}): MicroProfile Metrics
 * in the server's registry, served at {@code /metrics} in the Prometheus format. Every package that does something
 * worth watching counts it here; this package knows none of them.
 */
package org.bindbackend.metrics;
