/**
 * MicroProfile Health probes for orchestrators: liveness (the process answers), readiness (settings valid and
 * the OpenID Provider usable) and startup (settings and keys ready).
 */
package org.bindbackend.health;
