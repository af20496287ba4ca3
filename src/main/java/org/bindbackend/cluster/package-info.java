/**
 * What replicas share through the server's own distributed engine, loaded only with {@code cluster} on: ended
 * sessions through JCache (JSR 107), which Payara's Hazelcast data grid provides, and Open Liberty with a JCache
 * provider library from its configuration.
 */
package org.bindbackend.cluster;
