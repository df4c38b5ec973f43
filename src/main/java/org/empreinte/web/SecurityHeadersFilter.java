package org.empreinte.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The browser-side protections every answer of the application port carries: pages, the API, assets and
 * error pages alike, hence a servlet filter in front of Jersey and the asset servlet rather than a Jersey
 * filter. The headers are set before the request goes on, so that an answer committed or an error sent on
 * the way keeps them.
 *
 * <ul>
 * <li>Content-Security-Policy: scripts, styles, images and requests from Empreinte's own origin only, so an
 * injected {@code <script>}, {@code style=""} or {@code onclick=""} does not run (the pages keep their
 * scripts and styles in /assets); no plugins; no {@code <base>} to redirect relative links; forms post
 * back to Empreinte only; and no other site may frame a page ({@code frame-ancestors}).</li>
 * <li>X-Frame-Options: DENY, the same refusal for browsers that predate frame-ancestors.</li>
 * <li>X-Content-Type-Options: nosniff: a CSV export or a JSON answer is never run as a script or page.</li>
 * <li>Referrer-Policy: same-origin: addresses, which name organizations, stay within Empreinte.</li>
 * </ul>
 */
public class SecurityHeadersFilter implements Filter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        set(http);
        chain.doFilter(request, new HttpServletResponseWrapper(http) {
            @Override
            public void sendError(int status, String message) throws IOException {
                super.sendError(status, message);
                set(http);
            }

            @Override
            public void sendError(int status) throws IOException {
                super.sendError(status);
                set(http);
            }

            @Override
            public void reset() {
                super.reset();
                set(http);
            }
        });
    }

    private static void set(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
