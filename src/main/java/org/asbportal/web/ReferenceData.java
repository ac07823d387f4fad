package org.asbportal.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reference data held in memory: what staff rarely change and every public page reads (the
 * directory of agencies, the kinds of behaviour, the wards). A feature asks for a {@link Held} value
 * of its kinds, loaded from the database once and kept until one of those kinds changes; it holds
 * immutable views, never managed entities.
 *
 * <p>A feature's service that edits reference data calls {@link #changed(String)} in the edit's
 * transaction: the kind's counter in {@code reference_data_version} goes up with the edit, and once
 * the transaction ends this replica forgets what it held of that kind at once. Every replica reads
 * the counters every {@code asb.cache.check-every} ({@link #check()}) and forgets what it holds of
 * each kind whose counter moved, so an edit made on another replica shows within that time.
 */
@ApplicationScoped
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    private final EntityManager entities;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    /** For each kind, how many times this replica has forgotten it: a held value is good while the sum over its kinds is unchanged. */
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    /** For each kind, the counter this replica last read or wrote. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicLong loads = new AtomicLong();

    public ReferenceData(EntityManager entities, AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
            CacheConfig config) {
        LOG.debugf("Reference data counters are checked every %s", config.checkEvery());
        this.entities = entities;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** A value loaded by {@code loader} (in a transaction) when first read, and again after any of {@code kinds} changed. */
    public <T> Held<T> hold(Supplier<T> loader, String... kinds) {
        List<AtomicLong> counters = List.of(kinds).stream().map(this::generation).toList();
        return new Held<>(loader, counters);
    }

    /**
     * Records, in the caller's transaction, that reference data of this kind changed: its counter goes
     * up with the edit, and when the transaction ends this replica forgets what it held of the kind.
     */
    public void changed(String kind) {
        entities.createNativeQuery("INSERT INTO reference_data_version (kind, version) VALUES (?1, 1) "
                + "ON DUPLICATE KEY UPDATE version = version + 1").setParameter(1, kind).executeUpdate();
        long version = ((Number) entities.createNativeQuery("SELECT version FROM reference_data_version WHERE kind = ?1")
                .setParameter(1, kind).getSingleResult()).longValue();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    seen.merge(kind, version, Math::max);
                }
                forget(kind);
            }
        });
    }

    /** Reads every kind's counter and forgets what this replica holds of each kind changed since the last read. */
    @Scheduled(every = "${asb.cache.check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "reference-data-check")
    public void check() {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT kind, version FROM reference_data_version");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            // The database is unreachable: what is held stays until the counters can be read again.
            LOG.debugf("Reference data counters unreadable: %s", e.getMessage());
            return;
        }
        versions.forEach((kind, version) -> {
            Long before = seen.put(kind, version);
            if (before == null || before < version) {
                forget(kind);
            } else if (before > version) {
                seen.merge(kind, before, Math::max);
            }
        });
    }

    /** How many times held values were loaded from the database since the start. */
    public long loads() {
        return loads.get();
    }

    /** Forgets, on this replica only, what it holds of this kind: the next read loads it again. */
    public void forget(String kind) {
        generation(kind).incrementAndGet();
    }

    private AtomicLong generation(String kind) {
        return generations.computeIfAbsent(kind, k -> new AtomicLong());
    }

    /** A value held in memory until one of its kinds changes. Safe to share between threads. */
    public final class Held<T> {

        private record Loaded<T>(long stamp, T value) {
        }

        private final Supplier<T> loader;
        private final List<AtomicLong> counters;
        private final AtomicReference<Loaded<T>> loaded = new AtomicReference<>();

        private Held(Supplier<T> loader, List<AtomicLong> counters) {
            this.loader = loader;
            this.counters = counters;
        }

        /** The held value, loaded first if it was never loaded or one of its kinds changed since. */
        public T get() {
            long stamp = stamp();
            Loaded<T> current = loaded.get();
            if (current != null && current.stamp() == stamp) {
                return current.value();
            }
            // A value loaded while its kind changes carries the stamp from before: the next read loads again.
            T value = QuarkusTransaction.joiningExisting().call(loader::get);
            loads.incrementAndGet();
            loaded.set(new Loaded<>(stamp, value));
            return value;
        }

        private long stamp() {
            long sum = 0;
            for (AtomicLong counter : counters) {
                sum += counter.get();
            }
            return sum;
        }
    }
}
