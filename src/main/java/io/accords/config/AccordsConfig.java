package io.accords.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** Accords' own settings, each overridable by an environment variable such as {@code ACCORDS_SEED_ENABLED}. */
@ConfigMapping(prefix = "accords")
public interface AccordsConfig {

    Seed seed();

    Webhooks webhooks();

    Auth auth();

    Idempotency idempotency();

    Export export();

    Search search();

    Postgresql postgresql();

    Facets facets();

    ReadModel readModel();

    Relevance relevance();

    Imports imports();

    RateLimit rateLimit();

    SwaggerUi swaggerUi();

    interface SwaggerUi {
        /**
         * An OpenID Connect provider's realm URL (such as Keycloak's {@code http://localhost:8180/realms/accords}):
         * Swagger UI's Authorize then also logs a person in there ({@code openapi.IdentityProviderLogin}).
         */
        Optional<String> openidConnectUrl();
    }

    /**
     * How many API requests each caller may make per window, by its highest role: a token's subject, or the client
     * address for requests without a valid token. Counted in each replica's memory.
     */
    interface RateLimit {
        /** Off only for a replica behind a gateway that limits callers itself. */
        @WithDefault("true")
        boolean enabled();

        /** The window the limits are counted over; a caller's allowance refills evenly across it. */
        @WithDefault("60s")
        Duration window();

        /** Requests per window without a valid token, per client address. */
        @WithDefault("60")
        @Min(1)
        int anonymous();

        /** Requests per window for a token with the reader role. */
        @WithDefault("600")
        @Min(1)
        int reader();

        /** Requests per window for a token with the editor role. */
        @WithDefault("600")
        @Min(1)
        int editor();

        /** Requests per window for a token with the admin role. */
        @WithDefault("1200")
        @Min(1)
        int admin();

        /**
         * Where the counters live: {@code replica} (each replica's memory: behind N replicas a caller may make N times
         * its allowance) or {@code database} (one table every replica shares, so the allowance holds across them;
         * PostgreSQL only).
         */
        @WithDefault("replica")
        Store store();

        /**
         * With the database store, how long a replica may count a caller's requests on its own before it adds them to
         * the shared counter (or sooner, once it has counted a fiftieth of the allowance): what the shared limit costs
         * a request, against how far all replicas together may overshoot it.
         */
        @WithDefault("1s")
        Duration syncEvery();

        enum Store {
            REPLICA,
            DATABASE
        }

        /** How many callers' counters each replica keeps; the least recently seen are forgotten first. */
        @WithDefault("100000")
        @Min(100)
        int callers();
    }

    interface Imports {
        /** How many rows of an import are written per database transaction (a bad row sends its batch row by row). */
        @WithDefault("200")
        @Min(1)
        @Max(5000)
        int batchSize();

        /**
         * The largest file POST /api/v1/imports accepts; it is stored in the database in parts, so memory does not
         * grow with it. Every other request body stays limited to 1 MiB.
         */
        @WithDefault("512M")
        MemorySize maxSize();

        /**
         * How many files one replica receives at once, from everyone; one more is a 503 with Retry-After. A file being
         * received holds a request thread, never a database connection, while its sender is slow.
         */
        @WithDefault("4")
        @Min(1)
        @Max(100)
        int uploads();

        /**
         * How fast a file must arrive, in bytes per second on average from {@link #minRateAfter()} on; slower is a 408
         * that keeps nothing, so slow senders cannot keep the places of {@link #uploads()} from others.
         */
        @WithDefault("1K")
        MemorySize minRate();

        /** From how long after a file began its pace is held to {@link #minRate()}. */
        @WithDefault("30S")
        java.time.Duration minRateAfter();

        /** How many files one replica receives at once from one caller; one more is a 429. */
        @WithDefault("2")
        @Min(1)
        @Max(100)
        int uploadsPerCaller();

        /** How many of a caller's jobs may be waiting or running (or being received) at once; one more is a 429. */
        @WithDefault("5")
        @Min(1)
        @Max(1000)
        int openJobsPerCaller();

        /** How many bytes a caller's waiting, running and received files may hold in all; past it, a 429. */
        @WithDefault("1G")
        MemorySize bytesPerCaller();

        /** After how many refused rows a job stops (STOPPED, saying why): a file of bad rows is not worth reading on. */
        @WithDefault("1000")
        @Min(1)
        @Max(1_000_000)
        int maxRefused();

        /**
         * How long a replica holds a job without renewing its lease (it renews every third of it): when the replica
         * is killed, another takes the job over once the lease has run out.
         */
        @WithDefault("30S")
        java.time.Duration lease();

        /** How many rows a job writes in one turn before the next job waiting gets one (an atomic job takes one turn). */
        @WithDefault("1000")
        @Min(1)
        @Max(1_000_000)
        int turnRows();
    }

    interface Relevance {
        /**
         * Up to how many matches of a text search the relevance order ranks; when more match, it ranks that many (the
         * first the index yields) and the page says so ({@code rankedSample}).
         */
        @WithDefault("2000")
        @Min(100)
        @Max(1_000_000)
        int rankLimit();
    }

    interface ReadModel {
        /**
         * When true, every agreement's read model (search words, text-search vectors, filter keys, stored document)
         * is recomputed on start, before the service reports ready: the command to rebuild it after restoring a
         * backup or changing how it is derived. Set it for one start only.
         */
        @WithDefault("false")
        boolean rebuild();
    }

    interface Facets {
        /**
         * How many matching agreements facets are counted on when more match than {@code accords.search.count-limit}:
         * a random sample, whose counts are scaled to the estimated total (about 1/sqrt(size) relative error).
         */
        @WithDefault("2000")
        @Min(100)
        @Max(100_000)
        int sampleSize();
    }

    interface Search {
        /**
         * Up to how many matches a list counts exactly by default; beyond it the answer says "at least this many"
         * (count=exact asks for every match to be counted).
         */
        @WithDefault("10000")
        @Min(1)
        @Max(1_000_000)
        int countLimit();
    }

    interface Postgresql {
        /**
         * The planner's cost of reading a page out of order ({@code random_page_cost}), set on each of the service's
         * connections. The server's default of 4 assumes spinning disks and makes a list with a date range sort every
         * match instead of walking the date index in its order; 1.1 is the usual value for SSDs and data in memory.
         * Set it to the server's own value to plan as the server does ({@code PostgresPlannerCosts}).
         */
        @WithDefault("1.1")
        @DecimalMin("0.01")
        @DecimalMax("100")
        BigDecimal randomPageCost();
    }

    interface Export {
        /**
         * How many agreements an export reads per database transaction: memory per export and the length of each read
         * are proportional to it.
         */
        @WithDefault("500")
        @Min(1)
        @Max(5000)
        int chunkSize();
    }

    interface Idempotency {
        /** How long the answer to a create sent with an Idempotency-Key is kept for its retries. */
        Duration ttl();
    }

    interface Seed {
        /**
         * Whether to load the agreements reported in the seed articles on start. When unset, the embedded H2 build
         * seeds and the PostgreSQL build does not.
         */
        Optional<Boolean> enabled();
    }

    interface Auth {
        /**
         * A development key pair, made on first start when missing, whose public half verifies tokens by default. When
         * unset, the embedded H2 build makes one and the PostgreSQL build refuses to start without a configured key.
         */
        DevKeys devKeys();
    }

    interface DevKeys {
        Optional<Boolean> enabled();

        /** Where the key pair lives: {@code private.pem} (PKCS#8, owner-only) and {@code public.pem}. */
        @WithDefault("data/dev-keys")
        String dir();
    }

    interface Webhooks {
        /**
         * Whether a target may be a loopback, private, link-local or otherwise non-public address (and plain http):
         * off, so that a subscription cannot make this service call into its own network. For tests and closed
         * networks.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Hosts a target may name although they resolve to non-public addresses (a receiver in the same cluster). */
        Optional<java.util.List<String>> allowedHosts();

        /** How long a delivery may take to connect and be answered. */
        @WithDefault("10S")
        Duration timeout();

        /** How many bytes of a receiver's answer are read (and kept in the delivery log, at most 1,000 characters). */
        @WithDefault("4096")
        int maxResponseBytes();

        /** How many failed attempts in a row disable a subscription (with the reason shown). */
        @WithDefault("10")
        int maxFailures();

        /** The first retry's delay; each next one doubles it, up to an hour. */
        @WithDefault("5S")
        Duration firstRetry();

        /** How long a replica holds a subscription's deliveries before another may take them over. */
        @WithDefault("30S")
        Duration lease();

        /** How long the secret a rotation replaced still signs deliveries beside the new one. */
        @WithDefault("24H")
        Duration previousSecretFor();
    }
}
