package org.empreinte;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.empreinte.auth.SignInThrottleConfiguration;

/** {@code config.yml}, with ${PORT}, ${ADMIN_PORT}, ${DATABASE_URL} and ${EMISSION_FACTORS_DIR} substituted. */
public class EmpreinteConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private FactorsConfiguration emissionFactors = new FactorsConfiguration();

    @Valid
    @NotNull
    private ReportCacheConfiguration reportCache = new ReportCacheConfiguration();

    @Valid
    @NotNull
    private DisclosureConfiguration disclosure = new DisclosureConfiguration();

    @Valid
    @NotNull
    private LimitsConfiguration limits = new LimitsConfiguration();

    @Valid
    @NotNull
    private org.empreinte.mail.MailConfiguration mail = new org.empreinte.mail.MailConfiguration();

    @JsonProperty
    public org.empreinte.mail.MailConfiguration getMail() {
        return mail;
    }

    @JsonProperty
    public void setMail(org.empreinte.mail.MailConfiguration mail) {
        this.mail = mail;
    }

    @JsonProperty
    public LimitsConfiguration getLimits() {
        return limits;
    }

    @JsonProperty
    public void setLimits(LimitsConfiguration limits) {
        this.limits = limits;
    }

    @JsonProperty
    public DisclosureConfiguration getDisclosure() {
        return disclosure;
    }

    @JsonProperty
    public void setDisclosure(DisclosureConfiguration disclosure) {
        this.disclosure = disclosure;
    }

    @Valid
    @NotNull
    private AuthConfiguration auth = new AuthConfiguration();

    @JsonProperty
    public AuthConfiguration getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfiguration auth) {
        this.auth = auth;
    }

    @JsonProperty
    public ReportCacheConfiguration getReportCache() {
        return reportCache;
    }

    @JsonProperty
    public void setReportCache(ReportCacheConfiguration reportCache) {
        this.reportCache = reportCache;
    }

    @JsonProperty("database")
    public DataSourceFactory getDataSourceFactory() {
        return database;
    }

    @JsonProperty("database")
    public void setDataSourceFactory(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public FactorsConfiguration getEmissionFactors() {
        return emissionFactors;
    }

    @JsonProperty
    public void setEmissionFactors(FactorsConfiguration emissionFactors) {
        this.emissionFactors = emissionFactors;
    }

    public static class FactorsConfiguration {
        /** The folder of factor files. */
        @NotEmpty
        private String directory = "emission-factors";

        /** Factor-set ids in the order the selection tries them. */
        @NotEmpty
        private List<@NotEmpty String> selectionOrder = List.of("eccc-canada", "desnz-2024", "useeio-1.3");

        @JsonProperty
        public String getDirectory() {
            return directory;
        }

        @JsonProperty
        public void setDirectory(String directory) {
            this.directory = directory;
        }

        @JsonProperty
        public List<String> getSelectionOrder() {
            return selectionOrder;
        }

        @JsonProperty
        public void setSelectionOrder(List<String> selectionOrder) {
            this.selectionOrder = selectionOrder;
        }
    }

    public static class ReportCacheConfiguration {
        /** Reports held at most; one is a few kilobytes. */
        @jakarta.validation.constraints.Min(0)
        private long maximumSize = 10_000;

        /** An entry not read for this long is dropped. */
        @NotNull
        private io.dropwizard.util.Duration expireAfterAccess = io.dropwizard.util.Duration.hours(1);

        @JsonProperty
        public long getMaximumSize() {
            return maximumSize;
        }

        @JsonProperty
        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }

        @JsonProperty
        public io.dropwizard.util.Duration getExpireAfterAccess() {
            return expireAfterAccess;
        }

        @JsonProperty
        public void setExpireAfterAccess(io.dropwizard.util.Duration expireAfterAccess) {
            this.expireAfterAccess = expireAfterAccess;
        }
    }

    public static class AuthConfiguration {
        /** The shortest environment token: 32 characters, as 16 random bytes in hex, beyond any online guessing. */
        public static final int MIN_ADMIN_TOKEN = 32;

        /** An administrator's token given at start-up (EMPREINTE_ADMIN_TOKEN); empty for none. */
        private String adminToken = "";

        /** A short environment token would be an administrator's key anyone could guess: start-up stops. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        @io.dropwizard.validation.ValidationMethod(message = "EMPREINTE_ADMIN_TOKEN (auth.adminToken) is too short:"
                + " leave it empty for no environment token, or give at least " + MIN_ADMIN_TOKEN + " characters,"
                + " for instance the output of: openssl rand -hex 32")
        public boolean isAdminTokenEmptyOrLongEnough() {
            return adminToken == null || adminToken.isBlank() || adminToken.strip().length() >= MIN_ADMIN_TOKEN;
        }

        /** The administrator created on a database without users. */
        @jakarta.validation.constraints.NotEmpty
        private String firstAdminEmail = "admin@empreinte.local";

        /** Its password (EMPREINTE_ADMIN_PASSWORD); empty: a random one, shown once on the console. */
        private String firstAdminPassword = "";

        /** Whether the session cookie is sent over HTTPS only; browsers accept it on http://localhost too. */
        private boolean secureCookie = true;

        @NotNull
        private io.dropwizard.util.Duration sessionLength = io.dropwizard.util.Duration.hours(12);

        @Valid
        @NotNull
        private SignInThrottleConfiguration signInThrottle = new SignInThrottleConfiguration();

        @JsonProperty
        public SignInThrottleConfiguration getSignInThrottle() {
            return signInThrottle;
        }

        @JsonProperty
        public void setSignInThrottle(SignInThrottleConfiguration signInThrottle) {
            this.signInThrottle = signInThrottle;
        }

        @JsonProperty
        public String getAdminToken() {
            return adminToken;
        }

        @JsonProperty
        public void setAdminToken(String adminToken) {
            this.adminToken = adminToken;
        }

        @JsonProperty
        public String getFirstAdminEmail() {
            return firstAdminEmail;
        }

        @JsonProperty
        public void setFirstAdminEmail(String firstAdminEmail) {
            this.firstAdminEmail = firstAdminEmail;
        }

        @JsonProperty
        public String getFirstAdminPassword() {
            return firstAdminPassword;
        }

        @JsonProperty
        public void setFirstAdminPassword(String firstAdminPassword) {
            this.firstAdminPassword = firstAdminPassword;
        }

        @JsonProperty
        public boolean isSecureCookie() {
            return secureCookie;
        }

        @JsonProperty
        public void setSecureCookie(boolean secureCookie) {
            this.secureCookie = secureCookie;
        }

        @JsonProperty
        public io.dropwizard.util.Duration getSessionLength() {
            return sessionLength;
        }

        @JsonProperty
        public void setSessionLength(io.dropwizard.util.Duration sessionLength) {
            this.sessionLength = sessionLength;
        }
    }

    /**
     * The disclosure rules of what peers and networks see (see {@link org.empreinte.calculation.Disclosure} and
     * the README): lower values show more and protect less.
     */
    public static class DisclosureConfiguration {
        /** Organizations a benchmark's group needs. */
        @jakarta.validation.constraints.Min(2)
        private int peerMinimum = org.empreinte.calculation.Disclosure.Rules.DEFAULTS.peerThreshold();

        /** Organizations each figure of a network's aggregate needs. */
        @jakarta.validation.constraints.Min(2)
        private int networkMinimum = org.empreinte.calculation.Disclosure.Rules.DEFAULTS.networkThreshold();

        /** The largest share of a shown total one organization may hold, in percent. */
        @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false)
        @jakarta.validation.constraints.DecimalMax(value = "100", inclusive = false)
        private double dominancePercent = 100 * org.empreinte.calculation.Disclosure.Rules.DEFAULTS.dominanceShare();

        /** Organizations needed before quartiles are shown beside a median. */
        @jakarta.validation.constraints.Min(2)
        private int quartileMinimum = org.empreinte.calculation.Disclosure.Rules.DEFAULTS.quartileThreshold();

        @JsonProperty
        public int getPeerMinimum() {
            return peerMinimum;
        }

        @JsonProperty
        public void setPeerMinimum(int peerMinimum) {
            this.peerMinimum = peerMinimum;
        }

        @JsonProperty
        public int getNetworkMinimum() {
            return networkMinimum;
        }

        @JsonProperty
        public void setNetworkMinimum(int networkMinimum) {
            this.networkMinimum = networkMinimum;
        }

        @JsonProperty
        public double getDominancePercent() {
            return dominancePercent;
        }

        @JsonProperty
        public void setDominancePercent(double dominancePercent) {
            this.dominancePercent = dominancePercent;
        }

        @JsonProperty
        public int getQuartileMinimum() {
            return quartileMinimum;
        }

        @JsonProperty
        public void setQuartileMinimum(int quartileMinimum) {
            this.quartileMinimum = quartileMinimum;
        }

        /** The rules; refused at start-up when they would show a single organization's figure. */
        public org.empreinte.calculation.Disclosure.Rules rules() {
            return new org.empreinte.calculation.Disclosure.Rules(peerMinimum, networkMinimum, dominancePercent / 100,
                    quartileMinimum);
        }
    }

    /** How large a request body may be; a larger one is refused (413) before it is read. */
    public static class LimitsConfiguration {
        /** JSON and urlencoded forms: the largest legitimate one, a full activity, is a few kilobytes. */
        @NotNull
        private io.dropwizard.util.DataSize maxBodySize = io.dropwizard.util.DataSize.mebibytes(1);

        /**
         * CSV uploads (text/csv, multipart/form-data). The file itself is held to 16 MiB by the import
         * (a larger one goes through the import command); this leaves room for the multipart framing.
         */
        @NotNull
        private io.dropwizard.util.DataSize maxUploadSize = io.dropwizard.util.DataSize.mebibytes(32);

        @JsonProperty
        public io.dropwizard.util.DataSize getMaxBodySize() {
            return maxBodySize;
        }

        @JsonProperty
        public void setMaxBodySize(io.dropwizard.util.DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        @JsonProperty
        public io.dropwizard.util.DataSize getMaxUploadSize() {
            return maxUploadSize;
        }

        @JsonProperty
        public void setMaxUploadSize(io.dropwizard.util.DataSize maxUploadSize) {
            this.maxUploadSize = maxUploadSize;
        }
    }
}
