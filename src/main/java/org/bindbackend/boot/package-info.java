/**
 * Start-up wiring: what happens once when the application starts (settings validated and reported, log verbosity,
 * trust, the embedded provider made in embedded mode), kept apart so that the packages it wires need not know
 * each other; and the log verbosity again whenever {@code v} changes while running.
 */
package org.bindbackend.boot;
