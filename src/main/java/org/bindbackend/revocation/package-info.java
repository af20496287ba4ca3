/**
 * Sessions ended before they expired ({@link org.bindbackend.revocation.Revocations}): kept in this replica's
 * memory, checked in one hash probe per request, and with {@code cluster} on shared with every replica through the
 * server's distributed cache ({@link org.bindbackend.revocation.RevocationSharing}, which {@code cluster}
 * implements).
 */
package org.bindbackend.revocation;
