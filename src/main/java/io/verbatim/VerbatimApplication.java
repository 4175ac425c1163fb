package io.verbatim;

import io.verbatim.operations.RestoreCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Verbatim: the whole platform in one process (api and worker roles). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VerbatimApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "restore".equals(args[0])) {
            // An operator command, not the platform: see docs/operations.md.
            System.exit(RestoreCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(VerbatimApplication.class, args);
    }
}
