package io.suiji.registry;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Makes the personal-data keys of the configuration into the pure {@link PersonalIds}. */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    @Produces
    @ApplicationScoped
    PersonalIds personalIds(RegistryConfig config) {
        return new PersonalIds(config.piiKey(), config.idEncryptionKey());
    }

    @Produces
    @ApplicationScoped
    EntityRules entityRules(PersonalIds ids) {
        return new EntityRules(ids);
    }

    void warnAboutThrowawayKeys(@Observes StartupEvent ignored, RegistryConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && (config.piiKey().contains(RegistryConfig.THROWAWAY_MARK)
                        || config.idEncryptionKey().contains(RegistryConfig.THROWAWAY_MARK))) {
            LOG.warn("suiji.registry.pii-key / id-encryption-key are the local throwaway defaults: set "
                    + "SUIJI_REGISTRY_PII_KEY and SUIJI_REGISTRY_ID_ENCRYPTION_KEY before holding real personal data");
        }
    }
}
