package org.empreinte.auth;

import java.util.Optional;

import io.dropwizard.auth.Authenticator;

/** A Bearer token: the one of {@code EMPREINTE_ADMIN_TOKEN}, or a stored, unrevoked one. */
public class TokenAuthenticator implements Authenticator<String, User> {

    private final String environmentToken;
    private final AccountService accounts;

    public TokenAuthenticator(String environmentToken, AccountService accounts) {
        this.environmentToken = environmentToken == null || environmentToken.isBlank() ? null : environmentToken;
        this.accounts = accounts;
    }

    @Override
    public Optional<User> authenticate(String token) {
        if (environmentToken != null && Secrets.same(token, environmentToken)) {
            return Optional.of(User.ENVIRONMENT_ADMIN);
        }
        return accounts.userOfToken(token);
    }
}
