package io.accords.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Accords' own settings, each overridable by an environment variable such as {@code ACCORDS_SEED_ENABLED}. */
@ConfigMapping(prefix = "accords")
public interface AccordsConfig {

    Seed seed();

    interface Seed {
        /**
         * Whether to load the agreements reported in the seed articles on start. When unset, the embedded H2 build
         * seeds and the PostgreSQL build does not.
         */
        Optional<Boolean> enabled();
    }
}
