package org.empreinte.activity;

import org.empreinte.web.ApiException;

/** 409: a file with the same bytes (the same SHA-256) was already imported into this organization. */
public class DuplicateImportException extends ApiException {

    private final ActivityCsvDao.ImportRecord previous;

    public DuplicateImportException(ActivityCsvDao.ImportRecord previous) {
        super(409, null, "this file was already imported into organization " + previous.organizationId() + " at "
                + previous.importedAt() + " (import " + previous.id() + ", " + previous.rowCount()
                + " activities); nothing was imported", "error_csv_duplicate_file",
                previous.importedAt().replaceFirst("T(\\d\\d:\\d\\d).*", " $1 UTC"));
        this.previous = previous;
    }

    public ActivityCsvDao.ImportRecord previous() {
        return previous;
    }
}
