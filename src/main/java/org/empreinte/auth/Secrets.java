package org.empreinte.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Passwords are kept as Argon2id hashes (password4j, PHC string format); tokens and session ids are
 * 256 random bits, kept as their SHA-256: a hash that slow is needed for what people choose, not for
 * what a machine drew, and every API call checks a token.
 */
public final class Secrets {

    /**
     * OWASP's password storage cheat sheet: Argon2id with 19 MiB of memory, 2 iterations, 1 lane
     * (about 40 ms here); a 32-byte hash and a 16-byte random salt.
     */
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String hashPassword(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Checks with the parameters written in the stored hash, so that stronger settings later keep old hashes valid. */
    public static boolean passwordMatches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** A new secret: {@code prefix} then 256 random bits, URL-safe. */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Equality in constant time, so that a comparison's duration tells nothing of the secret. */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
