package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.CalciteActivator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Apache Calcite, wrapped as the bundle io.hallows.calcite, works inside the default stack: a bundle
 * that imports it parses a PostgreSQL-style query with the Babel parser, validates it, converts it to
 * relational algebra and gets its row count from the metadata handlers Calcite compiles with Janino,
 * and reduces constant expressions through code Calcite generates.
 */
class CalciteBundleIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.calcite", ":configurator:version": "1.0.0",
              "io.hallows.partition~sql": { "name": "sql", "cpus": "0", "exclusive": false,
                  "bundles:String[]": ["it.calcite"], "locations:String[]": ["test:*"] } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "sql");

    @Test
    void aBundleParsesValidatesAndConvertsSqlThroughTheCalciteBundle() throws Exception {
        System.clearProperty(CalciteActivator.OUTCOME);
        Bundle user = stack.install(TestBundle.named("it.calcite").activator(CalciteActivator.class)
                .with(CalciteActivator.PositionalParameters.class, CalciteActivator.OneTable.class)
                .header("Import-Package", "org.osgi.framework, org.apache.calcite, org.apache.calcite.avatica.util, org.apache.calcite.config,"
                        + " org.apache.calcite.jdbc, org.apache.calcite.plan, org.apache.calcite.plan.hep,"
                        + " org.apache.calcite.prepare, org.apache.calcite.rel, org.apache.calcite.rel.metadata,"
                        + " org.apache.calcite.rel.type, org.apache.calcite.rex, org.apache.calcite.schema,"
                        + " org.apache.calcite.schema.impl, org.apache.calcite.sql, org.apache.calcite.sql.fun,"
                        + " org.apache.calcite.sql.parser, org.apache.calcite.sql.parser.babel, org.apache.calcite.sql.type,"
                        + " org.apache.calcite.sql.util, org.apache.calcite.sql.validate, org.apache.calcite.sql2rel"));
        user.start();

        String outcome = System.getProperty(CalciteActivator.OUTCOME, "no outcome");
        assertTrue(outcome.startsWith("ok\n"), "every step succeeds inside the framework:\n" + outcome);
        assertTrue(outcome.contains("LogicalAggregate(group=[{0}], EXPR$1=[COUNT()])"), outcome);
        assertTrue(outcome.contains("LogicalFilter(condition=[=($1, ?0)])"),
                "$1 is the first parameter, compared with the lower-cased column b:\n" + outcome);
        assertTrue(outcome.contains("LogicalTableScan(table=[[t]])"), outcome);
        assertTrue(outcome.contains("parameters RecordType(VARCHAR(20) ?0)"), "its type is inferred from b:\n" + outcome);
        assertTrue(outcome.matches("(?s).*rows \\d+(\\.\\d+)?\n.*"), "the generated metadata code answers:\n" + outcome);
        assertTrue(outcome.contains("reduced [3, 'AB']"), "generated code evaluates constant expressions:\n" + outcome);

        Bundle calcite = user.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .filter(w -> "org.apache.calcite.sql.parser.babel".equals(w.getCapability().getAttributes().get("osgi.wiring.package")))
                .map(BundleWire::getProvider).map(p -> p.getBundle()).findFirst().orElseThrow();
        assertEquals("io.hallows.calcite", calcite.getSymbolicName(), "the stack's Calcite bundle provides the parser");
    }
}
