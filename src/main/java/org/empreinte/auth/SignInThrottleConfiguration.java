package org.empreinte.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** See {@link SignInThrottle.Settings}; the defaults are config.yml's. */
public class SignInThrottleConfiguration {
    @jakarta.validation.constraints.Min(0)
    private int accountFreeFailures = 5;

    @jakarta.validation.constraints.Min(0)
    private int addressFreeFailures = 20;

    @NotNull
    @io.dropwizard.validation.MinDuration(value = 1, unit = java.util.concurrent.TimeUnit.MILLISECONDS)
    private io.dropwizard.util.Duration firstLockout = io.dropwizard.util.Duration.seconds(1);

    @NotNull
    private io.dropwizard.util.Duration maximumLockout = io.dropwizard.util.Duration.minutes(15);

    @NotNull
    @io.dropwizard.validation.MinDuration(value = 1, unit = java.util.concurrent.TimeUnit.SECONDS)
    private io.dropwizard.util.Duration forgetAfter = io.dropwizard.util.Duration.hours(1);

    @jakarta.validation.constraints.Min(1)
    private long maximumEntries = 100_000;

    public SignInThrottle.Settings settings() {
        return new SignInThrottle.Settings(accountFreeFailures, addressFreeFailures,
                firstLockout.toJavaDuration(), maximumLockout.toJavaDuration(), forgetAfter.toJavaDuration(), maximumEntries);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    @io.dropwizard.validation.ValidationMethod(message = "auth.signInThrottle.maximumLockout must not be shorter than firstLockout")
    public boolean isCeilingAboveFirstLockout() {
        return firstLockout == null || maximumLockout == null
                || maximumLockout.toNanoseconds() >= firstLockout.toNanoseconds();
    }

    @JsonProperty
    public int getAccountFreeFailures() {
        return accountFreeFailures;
    }

    @JsonProperty
    public void setAccountFreeFailures(int accountFreeFailures) {
        this.accountFreeFailures = accountFreeFailures;
    }

    @JsonProperty
    public int getAddressFreeFailures() {
        return addressFreeFailures;
    }

    @JsonProperty
    public void setAddressFreeFailures(int addressFreeFailures) {
        this.addressFreeFailures = addressFreeFailures;
    }

    @JsonProperty
    public io.dropwizard.util.Duration getFirstLockout() {
        return firstLockout;
    }

    @JsonProperty
    public void setFirstLockout(io.dropwizard.util.Duration firstLockout) {
        this.firstLockout = firstLockout;
    }

    @JsonProperty
    public io.dropwizard.util.Duration getMaximumLockout() {
        return maximumLockout;
    }

    @JsonProperty
    public void setMaximumLockout(io.dropwizard.util.Duration maximumLockout) {
        this.maximumLockout = maximumLockout;
    }

    @JsonProperty
    public io.dropwizard.util.Duration getForgetAfter() {
        return forgetAfter;
    }

    @JsonProperty
    public void setForgetAfter(io.dropwizard.util.Duration forgetAfter) {
        this.forgetAfter = forgetAfter;
    }

    @JsonProperty
    public long getMaximumEntries() {
        return maximumEntries;
    }

    @JsonProperty
    public void setMaximumEntries(long maximumEntries) {
        this.maximumEntries = maximumEntries;
    }
}
