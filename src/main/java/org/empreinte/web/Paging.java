package org.empreinte.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a list: at most {@code limit} items after the item a cursor names. Lists page by key
 * (keyset), never by offset: the next page starts strictly after the last item's sort key, so it costs
 * the same at the end of 500,000 rows as at the start, and a row added or removed meanwhile neither
 * repeats nor skips the others.
 *
 * <p>A cursor is the sort key of the last item shown, written opaque (base64url) so that clients pass
 * it back rather than build it: what it holds may change with the order of a list.
 */
public record Paging(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final String SEPARATOR = "\n";

    /** The first page of the default size. */
    public static Paging first() {
        return new Paging(DEFAULT_LIMIT, null);
    }

    public static Paging first(int limit) {
        return new Paging(limit, null);
    }

    /**
     * The page a request asks for: {@code limit} (1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when
     * absent) after {@code after}, a cursor of {@code keyParts} parts that this list gave.
     */
    public static Paging of(String limit, String after, int keyParts) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            String text = limit.strip();
            if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
                throw new ValidationException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT,
                        "error_whole_number", MAX_LIMIT);
            }
            size = Integer.parseInt(text);
        }
        if (after == null || after.isBlank()) {
            return new Paging(size, null);
        }
        return new Paging(size, decode(after.strip(), keyParts));
    }

    /** The same position, another page size (a page's own, not the request's). */
    public Paging withLimit(int size) {
        return new Paging(size, after);
    }

    public boolean isFirst() {
        return after == null;
    }

    /** A part of the cursor's key, as a number (an id, a day). */
    public long number(int part) {
        try {
            return Long.parseLong(after.get(part));
        } catch (NumberFormatException e) {
            throw badCursor();
        }
    }

    public String text(int part) {
        return after.get(part);
    }

    /** The cursor of an item of the list: the parts of its sort key. */
    public static String cursor(Object... key) {
        String joined = String.join(SEPARATOR, Arrays.stream(key).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page of {@code rows}, read with a limit of {@code limit() + 1}: the extra row, when there is one,
     * only says that a next page exists, and the next page starts after the last row kept.
     */
    public <T> Slice<T> slice(List<T> rows, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Slice<>(List.copyOf(rows), null);
        }
        List<T> kept = new ArrayList<>(rows.subList(0, limit));
        return new Slice<>(kept, cursorOf.apply(kept.get(kept.size() - 1)));
    }

    /** Reads a list ordered by name then id: the rows after a name and id, at most {@code limit} of them. */
    public interface NameOrder<T> {
        List<T> after(String name, long id, int limit);
    }

    /**
     * A page of a list ordered by name then id (organizations, networks) of which the caller may see only
     * some rows: read in chunks after the cursor's key, keeping the visible rows, until the page is full or the
     * list ends. Its cursor is the last row's id and name (an id alone would lose its place if the row were
     * renamed or deleted meanwhile).
     */
    public <T> Slice<T> byName(NameOrder<T> read, java.util.function.Predicate<T> visible, Function<T, String> name,
            java.util.function.ToLongFunction<T> id) {
        String afterName = isFirst() ? "" : text(1);
        long afterId = isFirst() ? 0 : number(0);
        int chunk = Math.max(limit + 1, 200);
        List<T> kept = new ArrayList<>();
        while (kept.size() <= limit) {
            List<T> rows = read.after(afterName, afterId, chunk);
            for (T row : rows) {
                if (visible.test(row) && kept.size() <= limit) {
                    kept.add(row);
                }
            }
            if (rows.size() < chunk) {
                break;
            }
            T last = rows.get(rows.size() - 1);
            afterName = name.apply(last);
            afterId = id.applyAsLong(last);
        }
        return slice(kept, row -> cursor(id.applyAsLong(row), name.apply(row)));
    }

    private static List<String> decode(String cursor, int parts) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
        // At most `parts` parts: the last one (a name) may itself hold the separator.
        List<String> key = List.of(text.split(SEPARATOR, parts));
        if (key.size() != parts) {
            throw badCursor();
        }
        return key;
    }

    private static ValidationException badCursor() {
        return new ValidationException("after", "after must be a cursor this list gave (its Link header's next page)",
                "error_cursor");
    }

    /**
     * The request's path and query with {@code after} set to {@code cursor}: relative, so that it stays right
     * behind a proxy that rewrites the host.
     */
    public static String link(UriInfo uri, String cursor) {
        java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam("after", cursor).build();
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    /** Items of one page, and the cursor of the next page, null on the last one. */
    public record Slice<T>(List<T> items, String next) {

        public <R> Slice<R> map(Function<T, R> mapping) {
            return new Slice<>(items.stream().map(mapping).toList(), next);
        }

        /**
         * 200 with the page as the list body (the shape the API always had) and, when there is more, a
         * {@code Link: <...>; rel="next"} header: the same request with {@code after} set to the next cursor.
         */
        public Response response(UriInfo uri) {
            Response.ResponseBuilder ok = Response.ok(items);
            if (next != null) {
                ok.header("Link", "<" + link(uri, next) + ">; rel=\"next\"");
            }
            return ok.build();
        }
    }
}
