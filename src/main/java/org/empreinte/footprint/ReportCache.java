package org.empreinte.footprint;

import java.time.Duration;
import java.util.function.Supplier;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.empreinte.calculation.Period;

/**
 * Computed footprints and reports, keyed by organization, period and options, and by the
 * organization's data revision: every write to its data (activities, imports, its profile, sites,
 * yearly figures, contracts, a recomputation) raises the revision in the writing transaction, so a
 * read after a write never meets an entry computed before it, whichever process wrote. Entries of
 * older revisions are never read again and age out. A factor-set change takes a restart, which
 * empties the cache.
 */
public final class ReportCache {

    record Key(long organizationId, long revision, String kind, String from, String to, String tag) {
    }

    private final Cache<Key, Object> cache;

    public ReportCache(long maximumSize, Duration expireAfterAccess) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(expireAfterAccess).recordStats().build();
    }

    @SuppressWarnings("unchecked")
    <T> T get(long organizationId, long revision, String kind, Period period, String tag, Supplier<T> compute) {
        Key key = new Key(organizationId, revision, kind, period.start().toString(), period.end().toString(), tag);
        return (T) cache.get(key, k -> compute.get());
    }

    public CacheStats stats() {
        return cache.stats();
    }

    /** Hit and miss counts, and the entries held, as gauges of the service's metrics. */
    public void registerMetrics(MetricRegistry metrics) {
        metrics.register("empreinte.reportCache.hits", (Gauge<Long>) () -> cache.stats().hitCount());
        metrics.register("empreinte.reportCache.misses", (Gauge<Long>) () -> cache.stats().missCount());
        metrics.register("empreinte.reportCache.evictions", (Gauge<Long>) () -> cache.stats().evictionCount());
        metrics.register("empreinte.reportCache.size", (Gauge<Long>) cache::estimatedSize);
    }
}
