package org.empreinte.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Holds every request body to a size: CSV uploads (text/csv, multipart/form-data) to one limit, any
 * other body (JSON, urlencoded forms) to a smaller one. A declared Content-Length over the limit is
 * answered 413 before a byte is read; a body without one (chunked) is read through a counting stream
 * that stops at the limit. Without it, Jersey and Jackson would read any size into memory, and a
 * multipart upload would be spooled whole to disk.
 */
@PreMatching
// Before the authentication filter, which buffers a form whole to find its CSRF field.
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeFilter implements ContainerRequestFilter {

    private static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");

    private final long maxBody;
    private final long maxUpload;

    public RequestSizeFilter(long maxBodyBytes, long maxUploadBytes) {
        this.maxBody = maxBodyBytes;
        this.maxUpload = maxUploadBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean upload = type != null && (type.isCompatible(TEXT_CSV) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        long limit = upload ? maxUpload : maxBody;
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                return; // Jetty has already refused a Content-Length that is not a number
            }
            if (length > limit) {
                request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request,
                        new RequestTooLargeException(limit, upload)));
                return;
            }
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit, upload));
    }

    /** Lets {@code limit} bytes through; the next one is a 413. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private final boolean upload;
        private long read;

        Bounded(InputStream in, long limit, boolean upload) {
            super(in);
            this.limit = limit;
            this.upload = upload;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // One byte past the limit is enough to know, and no more is taken from the client.
            int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - read + 1));
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit, upload);
            }
        }
    }
}
