package io.verbatim;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module walls hold: no module reaches into another's internals, and there are no cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(VerbatimApplication.class).verify();
    }
}
