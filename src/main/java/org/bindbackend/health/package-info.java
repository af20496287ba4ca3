/**
 * Health for orchestrators and operators: liveness (the process answers), startup and readiness (this replica can
 * serve: settings valid, keys made), and apart from them the OpenID Provider's reachability, checked in the
 * background and answered at {@code /healthz/oidc-provider}, so that an outage of the provider every replica
 * shares never takes them all out of service.
 */
package org.bindbackend.health;
