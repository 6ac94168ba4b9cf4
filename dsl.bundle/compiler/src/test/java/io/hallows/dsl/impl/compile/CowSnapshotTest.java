package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A {@code let_cow_var} is read once, into a local, by a body that reads it without assigning it and
 * calls no operation: the hot loop of the pricing benchmark reads a local, not the variable.
 */
class CowSnapshotTest {
    private static final String PRICING = """
            module pricing version "1.0.0";

            model Order { sku: String, qty: Int }

            service Pricing {
                let_cow_var prices: Map<String, Int> = {"apple": 45, "pear": 62};
                let_cow_var taxPercent: Int = 20;

                op total(orders: List<Order>): Int {
                    var sum = 0;
                    for o in orders {
                        match prices.get(o.sku) {
                            some(p) => sum = sum + p * o.qty;
                            none => {}
                        }
                    }
                    return sum * (100 + taxPercent) / 100;
                }

                op setTax(percent: Int): Int {
                    taxPercent = percent;
                    return taxPercent;
                }

                op viaCall(): Int {
                    let before = taxPercent;
                    setTax(before + 1);
                    return taxPercent;
                }
            }
            """;

    private final JavaModuleCompiler compiler = new JavaModuleCompiler();

    @Test
    void aBodyThatOnlyReadsACopyOnWriteVariableReadsItOnce() {
        ModuleCompiler.Result result = compiler.compile("pricing.pt", PRICING, name -> Optional.empty(),
                new ClassPathLibrary(getClass().getClassLoader()));
        assertTrue(result.ok(), result.diagnostics().toString());
        String impl = result.module().javaSource().get("pt/pricing/impl/PricingImpl.java");
        String total = method(impl, "total");
        assertEquals(1, count(total, "this.prices.get()"), total);
        assertEquals(1, count(total, "this.taxPercent.get()"), total);
        assertTrue(total.contains("PtValues.get(prices$snapshot, o.sku())"), "the loop reads the local: " + total);
        assertFalse(method(impl, "setTax").contains("$snapshot"), "a body that assigns the variable reads it live");
        assertFalse(method(impl, "viaCall").contains("$snapshot"), "a body that calls an operation (which may assign it) reads it live");
    }

    /** The method holding {@code name}'s body: {@code name$body} when there is one (List parameters are copied first). */
    private static String method(String source, String name) {
        String body = source.contains(" " + name + "$body(") ? name + "\\$body" : name;
        Matcher m = Pattern.compile("(?s)(public|private) [^\\n]* " + body + "\\(.*?\\n    }\\n").matcher(source);
        assertTrue(m.find(), "no method " + name + " in\n" + source);
        return m.group();
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
