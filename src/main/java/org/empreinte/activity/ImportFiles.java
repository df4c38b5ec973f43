package org.empreinte.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What an import records of its file: the SHA-256 that refuses the same bytes twice, its name as stored. */
final class ImportFiles {

    private ImportFiles() {
    }

    static String sha256(InputStream in) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String clip(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        return fileName.length() <= 255 ? fileName : fileName.substring(0, 255);
    }
}
