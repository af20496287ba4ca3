/**
 * The kube-bind API under {@code /api} (JAX-RS): the CLI's login start ({@code authorize}), the exports, who is
 * logged in, and the bearer-token filter in front of them; its errors are JSON in the kube-bind backend's shape
 * ({@link org.bindbackend.answer.ApiError}), 401s with an RFC 6750 challenge
 * ({@link org.bindbackend.answer.BearerChallenge}).
 */
package org.bindbackend.api;

import org.bindbackend.answer.ApiError;
import org.bindbackend.answer.BearerChallenge;
