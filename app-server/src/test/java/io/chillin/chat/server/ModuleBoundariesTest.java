package io.chillin.chat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.chillin.chat");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    /** ICU4J only for Unicode's security data (TR39 skeletons): pure functions, no I/O, no framework. */
    @Test
    void the_domain_depends_on_the_jdk_and_icu_only() {
        check(noClasses().that().resideInAPackage("io.chillin.chat.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.chillin.chat.domain..", "java..",
                        "com.ibm.icu..")
                .as("the domain imports nothing outside the JDK but ICU4J"));
    }

    @Test
    void the_application_imports_no_adapter_and_no_framework() {
        check(noClasses().that().resideInAPackage("io.chillin.chat.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.chillin.chat.adapter..", "io.chillin.chat.server..", "io.chillin.chat.cli..",
                        "io.javalin..", "org.eclipse.jetty..", "org.jdbi..", "org.flywaydb..", "io.lettuce..",
                        "software.amazon..", "com.fasterxml.jackson..", "org.bouncycastle..", "java.sql..", "javax.sql..")
                .as("the application imports no adapter, Javalin, Jdbi, Lettuce, AWS SDK, Jackson or JDBC"));
    }

    @Test
    void adapters_do_not_import_each_other() {
        String[] adapters = {"postgres", "javalin", "crypto", "redis", "s3"};
        for (String adapter : adapters) {
            for (String other : adapters) {
                if (!adapter.equals(other)) {
                    check(noClasses().that().resideInAPackage("io.chillin.chat.adapter." + adapter + "..")
                            .should().dependOnClassesThat().resideInAPackage("io.chillin.chat.adapter." + other + "..")
                            .allowEmptyShould(true));
                }
            }
        }
    }

    @Test
    void everything_logs_through_slf4j_and_only_the_servers_log_format_knows_logback() {
        check(noClasses().that().resideOutsideOfPackage("io.chillin.chat.server.logging..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .as("Logback is the apps' backend, chosen in logback.xml; code logs through SLF4J (or System.Logger)"));
    }

    @Test
    void only_the_apps_wire_adapters_together() {
        check(noClasses().that().resideOutsideOfPackages("io.chillin.chat.server..", "io.chillin.chat.cli..",
                        "io.chillin.chat.adapter..")
                .should().dependOnClassesThat().resideInAPackage("io.chillin.chat.adapter..")
                .as("only server and cli reference adapters"));
    }
}
