/**
 * The stack's floor for the start-up benchmark: a WAR that uses the APIs and annotations the backend uses (CDI,
 * JAX-RS, Jakarta Security's OpenID Connect mechanism fed through expressions, MicroProfile Config and Health)
 * and none of the backend's code, so that the backend's start-up can be compared with what those APIs cost.
 */
package org.bindbackend.bench.floor;
