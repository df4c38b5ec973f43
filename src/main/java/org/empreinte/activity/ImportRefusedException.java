package org.empreinte.activity;

import java.util.List;

import org.empreinte.web.ApiException;

/**
 * 422: a CSV file whose header or rows fail validation. Nothing of the file is stored. Each error
 * names its row (the header is row 1, the first activity row 2), its column where one is at fault,
 * and says what is wrong in English, with the key and arguments that say it in the page's language.
 */
public class ImportRefusedException extends ApiException {

    /** @param column the CSV column at fault, or null when the whole row is */
    public record RowError(int row, String column, String message, String messageKey, List<Object> messageArgs) {

        public RowError {
            messageArgs = List.copyOf(messageArgs);
        }

        public static RowError of(int row, String column, String message, String messageKey, Object... args) {
            return new RowError(row, column, message, messageKey, List.of(args));
        }
    }

    private final List<RowError> errors;
    private final boolean truncated;

    public ImportRefusedException(String message, String messageKey, List<RowError> errors, boolean truncated, Object... args) {
        super(422, null, message, messageKey, args);
        this.errors = List.copyOf(errors);
        this.truncated = truncated;
    }

    public List<RowError> errors() {
        return errors;
    }

    /** The sites rows name that the organization does not have, in the order first named: they can be created. */
    public List<String> unknownSites() {
        return errors.stream().filter(e -> "error_site_unknown".equals(e.messageKey()) && !e.messageArgs().isEmpty())
                .map(e -> e.messageArgs().get(0).toString()).distinct().toList();
    }

    /** True when validation stopped at {@link ActivityImport#MAX_ERRORS} errors and the file may hold more. */
    public boolean truncated() {
        return truncated;
    }
}
