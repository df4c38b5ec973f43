package org.empreinte.auth;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dropwizard.auth.AuthenticationException;
import io.dropwizard.auth.Authenticator;

/**
 * The admin port's tasks recompute every organization, list their totals and change log levels:
 * only an administrator's Bearer token opens them. The health check and ping stay open, for the
 * supervisors that call them without credentials (API.md fixes {@code GET /healthcheck}).
 */
public class AdminPortGuard implements Filter {

    private final Authenticator<String, User> tokens;

    public AdminPortGuard(Authenticator<String, User> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        boolean open = "GET".equals(request.getMethod()) && ("/healthcheck".equals(path) || "/ping".equals(path));
        if (open || administrator(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("The admin port's tasks need an administrator's token: Authorization: Bearer <token>");
    }

    private boolean administrator(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            Optional<User> user = tokens.authenticate(authorization.substring(7).strip());
            return user.isPresent() && user.get().admin();
        } catch (AuthenticationException e) {
            return false;
        }
    }
}
