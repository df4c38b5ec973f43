package org.empreinte.mail;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * config.yml's {@code mail} section: the SMTP server reminders go through. Off while {@code host} is empty, which
 * is the default: a fresh installation sends nothing to anyone until someone chooses a server.
 */
public class MailConfiguration {

    private String host = "";

    @Min(1)
    @Max(65535)
    private int port = 587;

    private String username = "";

    private String password = "";

    private String from = "";

    /** {@code starttls} (submission port 587), {@code smtps} (TLS from the first byte, port 465) or {@code none}. */
    @NotNull
    @Pattern(regexp = "starttls|smtps|none")
    private String tls = "starttls";

    /** The address people reach Empreinte at: the links in a message lead there. */
    @NotNull
    private String baseUrl = "http://localhost:8080";

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    @JsonProperty
    public String getHost() {
        return host;
    }

    @JsonProperty
    public void setHost(String host) {
        this.host = host;
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public String getUsername() {
        return username;
    }

    @JsonProperty
    public void setUsername(String username) {
        this.username = username;
    }

    // Never written back out (a configuration dump, a health page): only read from config.yml.
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public String getFrom() {
        return from;
    }

    @JsonProperty
    public void setFrom(String from) {
        this.from = from;
    }

    @JsonProperty
    public String getTls() {
        return tls;
    }

    @JsonProperty
    public void setTls(String tls) {
        this.tls = tls;
    }

    @JsonProperty
    public String getBaseUrl() {
        return baseUrl;
    }

    @JsonProperty
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A server without a sender address would have every message refused, or worse, sent as nobody: stop at start-up. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    @io.dropwizard.validation.ValidationMethod(message = "mail.from (SMTP_FROM) is required when mail.host (SMTP_HOST) is set")
    public boolean isFromGivenWhenEnabled() {
        return !enabled() || from != null && !from.isBlank();
    }
}
