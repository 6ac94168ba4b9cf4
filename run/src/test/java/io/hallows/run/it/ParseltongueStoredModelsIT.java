package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parseltongue module with a stored model in a real stack: its table created in the OLTP
 * database at deploy (the apps partition holds service:db.oltp CALL), rows written and read in a
 * transaction per operation, a second version that adds a field and drops one migrating the
 * table with its rows, an unsafe version refused while the previous one keeps serving, and the
 * rows there after the stack restarts.
 */
class ParseltongueStoredModelsIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.pt.stored", ":configurator:version": "1.0.0",
              "io.hallows.partition~db": { "name": "db", "cpus": "0", "exclusive": false,
                  "bundles:String[]": ["io.hallows.db.*"],
                  "grants:String[]": ["partition:db READ", "service:kernel.data CALL", "service:db.oltp CALL"] },
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false,
                  "bundles:String[]": ["pt.*"], "locations:String[]": ["parseltongue:*"],
                  "grants:String[]": ["partition:apps READ", "service:db.oltp CALL"] } }
            """;
    private static final String V1 = """
            module itcrm version "1.0.0";

            model Customer stored in "it_customers" { id: Int, name: String, fax: String }
            error NotFound { id: Int }

            service Crm {
                op add(id: Int, name: String): Int {
                    Customer.insert(Customer { id: id, name: name, fax: "none" });
                    return Customer.count();
                }
                op name(id: Int): String raises NotFound {
                    match Customer.find(id) {
                        some(c) => return c.name;
                        none => raise NotFound { id: id };
                    }
                }
            }
            """;
    private static final String V2 = """
            module itcrm version "1.1.0";

            model Customer stored in "it_customers" { id: Int, name: String, @dropped fax: String, email: Option<String> }

            service Crm {
                op setEmail(id: Int, email: String): Bool {
                    match Customer.find(id) {
                        some(c) => return Customer.update(Customer { id: id, name: c.name, email: some(email) });
                        none => return false;
                    }
                }
                op describe(id: Int): String {
                    match Customer.find(id) {
                        some(c) => return c.name + " <" + c.email.orElse("?") + ">";
                        none => return "nobody";
                    }
                }
                op count(): Int { return Customer.count(); }
            }
            """;
    private static final String UNSAFE = """
            module itcrm version "1.2.0";

            model Customer stored in "it_customers" { id: Int, name: Int }

            service Crm {
                op count(): Int { return Customer.count(); }
            }
            """;

    @TempDir
    Path work;

    private String deploy(Stack stack, String name, String source) throws Exception {
        Path file = work.resolve("sources").resolve(name).resolve("itcrm.pt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return stack.shell("pt:deploy " + file);
    }

    @Test
    void aStoredModelMigratesAndItsRowsSurviveARestart() throws Exception {
        try (Stack first = Stack.boot(work, STACK)) {
            String deployed = deploy(first, "v1", V1);
            assertTrue(deployed.contains("itcrm"), deployed);
            assertEquals("1", first.shell("pt:call itcrm Crm add 1 Ada").strip());
            assertEquals("2", first.shell("pt:call itcrm Crm add 2 Bob").strip());
            assertEquals("Bob", first.shell("pt:call itcrm Crm name 2").strip());

            String migrated = deploy(first, "v2", V2);
            assertTrue(migrated.contains("itcrm"), migrated);
            assertEquals("true", first.shell("pt:call itcrm Crm setEmail 1 ada@example.org").strip());
            assertEquals("Ada <ada@example.org>", first.shell("pt:call itcrm Crm describe 1").strip());
            assertEquals("Bob <?>", first.shell("pt:call itcrm Crm describe 2").strip());

            String refused = assertThrows(IllegalArgumentException.class, () -> deploy(first, "v3", UNSAFE)).getMessage();
            assertTrue(refused.contains("rolled back"), refused);
            assertTrue(refused.contains("field 'name' of Customer is INT8 but column \"name\" of table \"it_customers\" is TEXT"),
                    refused);
            assertEquals("Bob <?>", first.shell("pt:call itcrm Crm describe 2").strip(), "the previous revision serves");
        }
        try (Stack second = Stack.boot(work, STACK)) {
            second.shell("pt:await itcrm 60000");
            assertEquals("2", second.shell("pt:call itcrm Crm count").strip());
            assertEquals("Ada <ada@example.org>", second.shell("pt:call itcrm Crm describe 1").strip());
        }
    }
}
