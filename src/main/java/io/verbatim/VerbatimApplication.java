package io.verbatim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Verbatim: the whole platform in one process (api and worker roles). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VerbatimApplication {

    public static void main(String[] args) {
        SpringApplication.run(VerbatimApplication.class, args);
    }
}
