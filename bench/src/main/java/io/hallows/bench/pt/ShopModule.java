package io.hallows.bench.pt;

/**
 * The module {@link PtSaveToServe} saves again and again: a small shop of about 200 lines, with
 * models, errors, three services and fifteen-odd operations, state of every kind
 * ({@code let_cow_var}, {@code let_mut_shared_var}, {@code let_reactive_var}), derived values and a
 * subscription. An edit changes one constant: what {@code Catalog.revision()} returns.
 */
final class ShopModule {
    /** The service and operation whose answer tells which revision serves. */
    static final String SERVICE = "Catalog";
    static final String OPERATION = "revision";

    private static final String SOURCE = """
            // A small shop: a catalog, orders with tax and counters, and reports.
            module %s version "1.0.0";

            model Product { sku: String, name: String, cents: Int, stock: Int }
            model Line { sku: String, qty: Int }
            model Quote { lines: Int, net: Int, tax: Int, total: Int }
            reactive_model Counters { orders: Int, units: Int, rejected: Int }

            error UnknownSku { sku: String }
            error OutOfStock { sku: String, wanted: Int, left: Int }

            service Catalog {
                let_cow_var products: Map<String, Product> = {
                    "apple": Product { sku: "apple", name: "Apple", cents: 120, stock: 50 },
                    "pear": Product { sku: "pear", name: "Pear", cents: 90, stock: 40 },
                    "plum": Product { sku: "plum", name: "Plum", cents: 45, stock: 80 },
                    "kiwi": Product { sku: "kiwi", name: "Kiwi", cents: 60, stock: 0 },
                };
                let_mut_shared_var lookups: Int = 0;

                op revision(): Int {
                    return %d;
                }

                op priceOf(sku: String): Int raises UnknownSku {
                    lookups = lookups + 1;
                    match products.get(sku) {
                        some(p) => return p.cents;
                        none => raise UnknownSku { sku: sku };
                    }
                }

                op nameOf(sku: String): String {
                    match products.get(sku) {
                        some(p) => return p.name;
                        none => return "unknown";
                    }
                }

                op stockOf(sku: String): Int {
                    match products.get(sku) {
                        some(p) => return p.stock;
                        none => return 0;
                    }
                }

                op addProduct(sku: String, name: String, cents: Int, stock: Int): Int {
                    products = products.put(sku, Product { sku: sku, name: name, cents: cents, stock: stock });
                    return len(products);
                }

                op take(sku: String, qty: Int): Int raises UnknownSku, OutOfStock {
                    match products.get(sku) {
                        some(p) => {
                            if p.stock < qty {
                                raise OutOfStock { sku: sku, wanted: qty, left: p.stock };
                            }
                            let left = p.stock - qty;
                            products = products.put(sku, Product { sku: sku, name: p.name, cents: p.cents, stock: left });
                            return left;
                        }
                        none => raise UnknownSku { sku: sku };
                    }
                }

                op cheapest(): String {
                    var best = "";
                    var bestCents = 0;
                    for (sku, p) in products {
                        if best == "" or p.cents < bestCents {
                            best = sku;
                            bestCents = p.cents;
                        }
                    }
                    return best;
                }

                op lookupCount(): Int {
                    return lookups;
                }
            }

            service Orders {
                let_cow_var prices: Map<String, Int> = {"apple": 120, "pear": 90, "plum": 45, "kiwi": 60};
                let_reactive_var counters: Counters = Counters { orders: 0, units: 0, rejected: 0 };
                let_reactive_var taxPercent: Int = 20;
                derived taxFactor: Int = 100 + taxPercent;
                derived unitsPerOrder: Int = counters.units / (counters.orders + 1);

                op quote(lines: List<Line>): Quote raises UnknownSku {
                    var net = 0;
                    for line in lines {
                        match prices.get(line.sku) {
                            some(cents) => net = net + cents * line.qty;
                            none => raise UnknownSku { sku: line.sku };
                        }
                    }
                    let total = net * taxFactor / 100;
                    return Quote { lines: len(lines), net: net, tax: total - net, total: total };
                }

                op place(lines: List<Line>): Int {
                    try {
                        let q = quote(lines);
                        var units = 0;
                        for line in lines {
                            units = units + line.qty;
                        }
                        counters.orders = counters.orders + 1;
                        counters.units = counters.units + units;
                        return q.total;
                    } catch UnknownSku e {
                        counters.rejected = counters.rejected + 1;
                        return -1;
                    }
                }

                op setTax(percent: Int) {
                    taxPercent = percent;
                }

                op setPrice(sku: String, cents: Int) {
                    prices = prices.put(sku, cents);
                }

                op orderCount(): Int {
                    return counters.orders;
                }

                op averageUnits(): Int {
                    return unitsPerOrder;
                }

                on counters changed {
                    log("orders " + str(counters.orders) + ", units " + str(counters.units) + ", rejected " + str(counters.rejected));
                }
            }

            service Reports {
                let_mut_shared_var generated: Int = 0;

                op percent(part: Int, whole: Int): Int {
                    if whole == 0 {
                        return 0;
                    }
                    return part * 100 / whole;
                }

                op summary(orders: Int, units: Int, rejected: Int): String {
                    generated = generated + 1;
                    let tried = orders + rejected;
                    return "report " + str(generated) + ": " + str(orders) + " orders, " + str(units) + " units, "
                        + str(percent(rejected, tried)) + "%% rejected";
                }

                op largest(values: List<Int>): Option<Int> {
                    var best: Option<Int> = none;
                    for v in values {
                        match best {
                            some(b) => {
                                if v > b {
                                    best = some(v);
                                }
                            }
                            none => best = some(v);
                        }
                    }
                    return best;
                }

                op histogram(values: List<Int>, width: Int): Map<Int, Int> {
                    var buckets: Map<Int, Int> = {};
                    for v in values {
                        let bucket = v / width * width;
                        buckets = buckets.put(bucket, buckets.get(bucket).orElse(0) + 1);
                    }
                    return buckets;
                }

                op banner(title: String): String {
                    var line = "";
                    var i = 0;
                    while i < len(title) + 4 {
                        line = line + "=";
                        i = i + 1;
                    }
                    return line + "\\n| " + title.upper() + " |\\n" + line;
                }
            }
            """;

    private ShopModule() {
    }

    /** The module named {@code module}, whose {@code Catalog.revision()} returns {@code revision}. */
    static String source(String module, long revision) {
        return SOURCE.formatted(module, revision);
    }
}
