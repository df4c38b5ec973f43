package org.empreinte.factor;

import java.nio.file.Path;

/** A factor file that cannot be used: start-up stops with its file, line, key and problem. */
public class FactorFileException extends RuntimeException {

    public FactorFileException(Path file, int line, String key, String problem) {
        super(describe(file, line, key, problem));
    }

    public FactorFileException(Path file, int line, String key, String problem, Throwable cause) {
        super(describe(file, line, key, problem), cause);
    }

    private static String describe(Path file, int line, String key, String problem) {
        StringBuilder message = new StringBuilder("Invalid emission-factor file ").append(file);
        if (line > 0) {
            message.append(", line ").append(line);
        }
        if (key != null) {
            message.append(", key '").append(key).append('\'');
        }
        return message.append(": ").append(problem).toString();
    }
}
