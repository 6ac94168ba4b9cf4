package io.hallows.dsl.impl.syntax;

import static io.hallows.dsl.impl.syntax.ParseHelper.HEADER;
import static io.hallows.dsl.impl.syntax.ParseHelper.member;
import static io.hallows.dsl.impl.syntax.ParseHelper.module;
import static io.hallows.dsl.impl.syntax.ParseHelper.sexp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.ImportDecl;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.ModuleDecl;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
    @Test
    void moduleHeaderAndImports() {
        ModuleDecl module = module("""
                module shop.orders version "2.1.0";
                import service Pricing from shop;
                import service shop.Pricing from shop.core as Prices;
                import java io.hallows.kernel.api.Partitions as Parts;
                import java java.time.Clock;
                """);
        assertEquals("shop.orders", module.name().text());
        assertEquals("t.pt:1:8", module.name().pos().toString());
        assertEquals("2.1.0", module.version());
        assertEquals(4, module.imports().size());
        ImportDecl.ServiceImport first = assertInstanceOf(ImportDecl.ServiceImport.class, module.imports().get(0));
        assertEquals("Pricing", first.service().text());
        assertEquals("shop", first.module().text());
        assertEquals("t.pt:2:29", first.module().pos().toString());
        assertNull(first.alias());
        assertEquals("Pricing", first.localName());
        ImportDecl.ServiceImport aliased = assertInstanceOf(ImportDecl.ServiceImport.class, module.imports().get(1));
        assertEquals("shop.core", aliased.module().text());
        assertEquals("Prices", aliased.localName());
        ImportDecl.JavaImport java = assertInstanceOf(ImportDecl.JavaImport.class, module.imports().get(2));
        assertEquals("io.hallows.kernel.api.Partitions", java.type().text());
        assertEquals("Parts", java.localName());
        assertEquals("Clock", module.imports().get(3).localName());
    }

    @Test
    void modelsAndErrors() {
        ModuleDecl module = module(HEADER + """
                model Order { sku: String, qty: Int, }
                reactive_model Cart<T> { items: List<T>, owner: String }
                model Empty {}
                error UnknownSku { sku: String }
                error Closed {}
                """);
        List<Decl> decls = module.declarations();
        Decl.ModelDecl order = assertInstanceOf(Decl.ModelDecl.class, decls.get(0));
        assertFalse(order.reactive());
        assertEquals(List.of("sku", "qty"), order.fields().stream().map(f -> f.name()).toList());
        assertEquals("t.pt:2:15", order.fields().getFirst().pos().toString());
        Decl.ModelDecl cart = assertInstanceOf(Decl.ModelDecl.class, decls.get(1));
        assertTrue(cart.reactive());
        assertEquals(List.of("T"), cart.typeParams());
        assertEquals("T", cart.fields().getFirst().type().args().getFirst().name());
        assertEquals(0, ((Decl.ModelDecl) decls.get(2)).fields().size());
        Decl.ErrorDecl unknown = assertInstanceOf(Decl.ErrorDecl.class, decls.get(3));
        assertEquals("UnknownSku", unknown.name());
        assertEquals("t.pt:5:1", unknown.pos().toString());
        assertEquals(0, ((Decl.ErrorDecl) decls.get(4)).fields().size());
    }

    @Test
    void stateVariablesOfEachKindAndDerivedValues() {
        Member.StateVar cow = assertInstanceOf(Member.StateVar.class, member("let_cow_var prices: Map<String, Int> = {\"a\": 1};"));
        assertEquals(Member.VarKind.COW, cow.kind());
        assertEquals("prices", cow.name());
        assertEquals("{\"a\":1}", sexp(cow.init()));
        assertEquals(Member.VarKind.MUT_SHARED,
                ((Member.StateVar) member("let_mut_shared_var n: Int = 0;")).kind());
        assertEquals(Member.VarKind.REACTIVE,
                ((Member.StateVar) member("let_reactive_var tax: Int = 20;")).kind());
        Member.Derived derived = assertInstanceOf(Member.Derived.class, member("derived factor: Int = 100 + tax;"));
        assertEquals("factor", derived.name());
        assertEquals("(+ 100 tax)", sexp(derived.value()));
    }

    @Test
    void subscriptions() {
        Member.Subscription on = assertInstanceOf(Member.Subscription.class,
                member("on tax changed { log(str(tax)); }"));
        assertEquals("tax", on.variable().text());
        assertEquals("t.pt:3:4", on.variable().pos().toString());
        assertEquals(1, on.body().statements().size());
    }

    @Test
    void operationsWithHintsParamsResultAndRaises() {
        Member.Operation op = assertInstanceOf(Member.Operation.class, member("""
                @partition("web") @key(order.sku)
                op price(order: Order, qty: Int): Int raises UnknownSku, OutOfStock {
                    return 1;
                }"""));
        assertEquals("price", op.name());
        assertEquals("t.pt:3:1", op.pos().toString(), "an operation is positioned at its first hint");
        assertEquals(List.of("partition", "key"), op.hints().stream().map(h -> h.name()).toList());
        assertEquals("\"web\"", sexp(op.hints().get(0).value()));
        assertEquals("(. order sku)", sexp(op.hints().get(1).value()));
        assertEquals(List.of("order", "qty"), op.params().stream().map(p -> p.name()).toList());
        assertEquals("Order", op.params().getFirst().type().name());
        assertEquals("Int", op.returnType().name());
        assertEquals(List.of("UnknownSku", "OutOfStock"), op.raises().stream().map(r -> r.text()).toList());
        assertEquals("t.pt:4:58", op.raises().get(1).pos().toString());
        assertEquals(1, op.body().statements().size());

        Member.Operation unit = assertInstanceOf(Member.Operation.class, member("op reset() { }"));
        assertNull(unit.returnType(), "no result type is Unit");
        assertEquals(List.of(), unit.params());
        assertEquals(List.of(), unit.raises());
        assertEquals("t.pt:3:1", unit.pos().toString());
    }

    @Test
    void theReferenceExampleParses() {
        ModuleDecl module = module("""
                module shop version "1.0.0";
                model Order { sku: String, qty: Int }
                error UnknownSku { sku: String }
                service Pricing {
                    let_cow_var prices: Map<String, Int> = {"apple": 120, "pear": 90};
                    let_mut_shared_var served: Int = 0;
                    let_reactive_var taxPercent: Int = 20;
                    derived taxFactor: Int = 100 + taxPercent;
                    @partition("web") @key(order.sku)
                    op price(order: Order): Int raises UnknownSku {
                        served = served + 1;
                        match prices.get(order.sku) {
                            some(p) => return p * order.qty * taxFactor / 100;
                            none => raise UnknownSku { sku: order.sku };
                        }
                    }
                    op total(orders: List<Order>): Int raises UnknownSku {
                        var sum = 0;
                        for o in orders {
                            sum = sum + price(o);
                        }
                        return sum;
                    }
                    on taxPercent changed {
                        log("tax now " + str(taxPercent));
                    }
                }
                """);
        Decl.ServiceDecl pricing = assertInstanceOf(Decl.ServiceDecl.class, module.declarations().get(2));
        assertEquals("Pricing", pricing.name());
        assertEquals(7, pricing.members().size());
    }
}
