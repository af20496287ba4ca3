/**
 * Small helpers every part of the backend shares, each written once: random values and SHA-256 digests in
 * base64url, JSON-P builders from factories made once, walking an exception's causes, appending to a query
 * string. Nothing here knows the backend; every package may use it.
 */
package org.bindbackend.shared;
