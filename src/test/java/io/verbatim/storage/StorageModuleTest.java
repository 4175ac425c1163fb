package io.verbatim.storage;

import io.verbatim.VerbatimApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The storage module uses other modules only through their published API (the whole-app check lives elsewhere). */
class StorageModuleTest {

    @Test
    void dependsOnlyOnOtherModulesPublicApi() {
        ApplicationModules modules = ApplicationModules.of(VerbatimApplication.class);
        modules.getModuleByName("storage").orElseThrow().verifyDependencies(modules);
    }
}
