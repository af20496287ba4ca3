package org.bindbackend.issuer;

import java.util.Optional;

/**
 * Authorization codes: short-lived and single-use (RFC 6749 §4.1.2). A code is consumed by removing
 * it from the store, so two exchanges of one code, even concurrent ones, cannot both succeed. A
 * redeemed code is remembered, with the grant it was redeemed for, as long as a refresh token can
 * live, so a second use can be recognized and the tokens of the first revoked (RFC 6749 §4.1.2,
 * §10.5).
 */
final class AuthorizationCodes {

    private final BoundedExpiringStore<IssuedCode> live;
    private final BoundedExpiringStore<String> redeemedGrantIds;

    AuthorizationCodes(BoundedExpiringStore<IssuedCode> live, BoundedExpiringStore<String> redeemedGrantIds) {
        this.live = live;
        this.redeemedGrantIds = redeemedGrantIds;
    }

    /** A new code for {@code issued}. */
    String issue(IssuedCode issued) {
        return live.add(issued);
    }

    /** Consumes {@code code}: what it stands for, unless it is unknown, expired or already redeemed. */
    Optional<IssuedCode> redeem(String code) {
        Optional<IssuedCode> issued = live.take(code);
        issued.ifPresent(redeemed -> redeemedGrantIds.put(code, redeemed.grant().id()));
        return issued;
    }

    /** The id of the grant {@code code} was already redeemed for, if it was. */
    Optional<String> grantRedeemedWith(String code) {
        return redeemedGrantIds.find(code);
    }
}
