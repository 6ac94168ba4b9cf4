package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ModuleSymbols;
import io.hallows.dsl.impl.check.ServiceInfo;
import io.hallows.dsl.impl.compile.CompiledModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checked module to Java source: its API package ({@link ApiGenerator}), then its implementation
 * package ({@link ServiceGenerator}), which embeds the API hashes in the state signatures, with the
 * web module of its routes when it has some ({@link RouteGenerator}).
 */
public final class ModuleGenerator {
    private ModuleGenerator() {
    }

    /**
     * The generated sources of a module.
     *
     * @param api      the API package's files by path ({@code pt/shop/api/Pricing.java})
     * @param impl     the implementation package's files by path
     * @param apiHash  the hash of {@code api} (see {@link #apiHash})
     * @param services each service's interface and implementation class
     * @param sourceLines for each implementation file, the {@code .pt} line of each generated line (from 0), or 0
     */
    public record Sources(Map<String, String> api, Map<String, String> impl, String apiHash,
            List<CompiledModule.ServiceSpec> services, Map<String, int[]> sourceLines) {
    }

    public static Sources generate(CheckedModule checked) {
        ModuleSymbols module = checked.module();
        Map<String, String> api = ApiGenerator.generate(module);
        String apiHash = apiHash(api);
        Map<String, String> hashes = new HashMap<>();
        for (ModuleSymbols m : module.closure()) {
            hashes.put(m.name(), m == module ? apiHash : apiHash(ApiGenerator.generate(m)));
        }
        TypeSignatures signatures = new TypeSignatures(hashes);
        Map<String, String> impl = new TreeMap<>();
        Map<String, int[]> sourceLines = new HashMap<>();
        List<CompiledModule.ServiceSpec> services = new ArrayList<>();
        String implPackage = CompiledModule.implPackage(module.name());
        for (ServiceInfo s : module.services().values()) {
            String className = JavaNames.typeId(s.name()) + "Impl";
            String path = implPackage.replace('.', '/') + "/" + className + ".java";
            ServiceGenerator generator = new ServiceGenerator(checked, s, signatures);
            impl.put(path, generator.generate(implPackage, className));
            sourceLines.put(path, generator.sourceLines());
            services.add(new CompiledModule.ServiceSpec(s.name(), JavaNames.api(module.name(), s.name()), implPackage + "." + className));
        }
        impl.putAll(RouteGenerator.generate(checked, implPackage));
        return new Sources(api, impl, apiHash, services, sourceLines);
    }

    /** A hash of API sources: every path and text, in path order. */
    public static String apiHash(Map<String, String> api) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(api).forEach((path, text) -> all.append(path).append('\n').append(text).append('\n'));
        return hash(all.toString());
    }

    /** The first 12 hex digits of the SHA-256 of {@code text}: a bundle version qualifier. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
