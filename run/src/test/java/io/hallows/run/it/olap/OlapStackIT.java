package io.hallows.run.it.olap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.LaunchedStacks;
import io.hallows.run.it.ScriptRun;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OLAP database in the default stack: TPC-H at scale 0.01 is loaded with the shell's
 * {@code olap:load-tpch} (a script run, which stops the stack when done), then a stack process
 * answers PostgreSQL's JDBC driver on database {@code olap} (TPC-H Q1), is killed and started again,
 * and its tables are still there (mapped from their files in the data area).
 */
class OlapStackIT {
    private static final Driver DRIVER = new org.postgresql.Driver();
    private static final String Q1 = """
            select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty, sum(l_extendedprice) as sum_base_price,
                   sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,
                   sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge, avg(l_quantity) as avg_qty,
                   avg(l_extendedprice) as avg_price, avg(l_discount) as avg_disc, count(*) as count_order
            from lineitem
            where l_shipdate <= date '1998-12-01' - interval '90' day
            group by l_returnflag, l_linestatus
            order by l_returnflag, l_linestatus""";

    @TempDir
    Path work;

    @Test
    void tpchLoadedInTheShellIsQueriedOverJdbcAndSurvivesARestart() throws Exception {
        Path launcher = Path.of(System.getProperty("hallows.launcher", "hallows"));
        String stack = Files.readString(launcher.resolveSibling("stacks").resolve("default.json"));
        ScriptRun load = ScriptRun.over(work, stack, "olap:load-tpch 0.01\nolap:tables\n", 300);
        assertEquals(0, load.status(), load.all());
        assertTrue(load.out().contains("TPC-H scale 0.01"), load.all());
        assertTrue(Files.exists(work.resolve("data/olap/lineitem.arrow")), load.all());

        int port = LaunchedStacks.freePort();
        Map<String, Long> counts;
        List<String> q1;
        Process first = start(port, "stack-1");
        try (Connection c = connect(port, first, "stack-1")) {
            counts = counts(c);
            assertEquals(5L, counts.get("region"));
            assertEquals(25L, counts.get("nation"));
            assertEquals(1_500L, counts.get("customer"));
            assertEquals(15_000L, counts.get("orders"));
            assertTrue(counts.get("lineitem") > 50_000, counts.toString());
            q1 = q1(c);
            assertEquals(4, q1.size(), q1.toString());
            assertTrue(q1.get(0).startsWith("A|F|"), q1.toString());
        } finally {
            LaunchedStacks.kill(first);
        }

        Process second = start(port, "stack-2");
        try (Connection c = connect(port, second, "stack-2")) {
            assertEquals(counts, counts(c), "the tables after a SIGKILL and a restart");
            assertEquals(q1, q1(c));
        } finally {
            LaunchedStacks.kill(second);
        }
    }

    private Process start(int port, String name) throws Exception {
        return LaunchedStacks.launch(work, name, "-Dhallows.admin.port=0 -Dhallows.pgwire.port=" + port, null);
    }

    /** Connects to database olap once the stack serves it (polling another process's port: nothing to wait on). */
    private Connection connect(int port, Process stack, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Properties p = new Properties();
        p.setProperty("user", "hallows");
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "120");
        SQLException last = null;
        while (System.nanoTime() < deadline && stack.isAlive()) {
            try {
                return DRIVER.connect("jdbc:postgresql://127.0.0.1:" + port + "/olap", p);
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("database olap did not come up (" + last + "):\n" + LaunchedStacks.output(work, name));
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : List.of("region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem")) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from " + t)) {
                r.next();
                counts.put(t, r.getLong(1));
            }
        }
        return counts;
    }

    private static List<String> q1(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(Q1)) {
            while (r.next()) {
                BigDecimal sumQty = r.getBigDecimal("sum_qty");
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + sumQty.stripTrailingZeros().toPlainString() + "|" + r.getLong("count_order"));
            }
        }
        return rows;
    }
}
