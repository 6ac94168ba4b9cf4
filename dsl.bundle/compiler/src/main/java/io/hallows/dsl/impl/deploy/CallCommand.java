package io.hallows.dsl.impl.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code pt:call}: calls an operation of a deployed module's service from the shell, so a newcomer
 * can try a module and watch it change as they edit it. Reflection is fine here: this is the
 * operator's path, not the services' hot path (callers use the generated interfaces).
 */
@Component(service = CallCommand.class, property = {"osgi.command.scope=pt", "osgi.command.function=call"})
public final class CallCommand {
    private final BundleContext context;

    @Activate
    public CallCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("call an operation of a deployed module's service: pt:call hello Greeter greet Ana")
    public String call(@Descriptor("module") String module, @Descriptor("service") String service,
            @Descriptor("operation") String operation, @Descriptor("arguments: Int, Float, Bool or String") String... args)
            throws Exception {
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences((String) null, "(&(pt.module=" + module + ")(pt.service=" + service + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + module + "' / '" + service + "' are not a module and service name");
        }
        if (refs == null) {
            throw new IllegalArgumentException("no service " + service + " of module '" + module + "' is running (see pt:list)");
        }
        Object target = context.getService(refs[0]);
        try {
            List<String> candidates = new ArrayList<>();
            for (Method m : refs[0].getProperty("objectClass") instanceof String[] names ? interfaceMethods(target, names) : List.<Method>of()) {
                if (!m.getName().equals(operation)) {
                    continue;
                }
                candidates.add(m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList());
                if (m.getParameterCount() == args.length) {
                    Object result = invoke(target, m, args);
                    return m.getReturnType() == void.class ? "done" : String.valueOf(result);
                }
            }
            throw new IllegalArgumentException(candidates.isEmpty()
                    ? service + " has no operation '" + operation + "'"
                    : operation + " takes " + candidates + ", given " + args.length + " argument(s)");
        } finally {
            context.ungetService(refs[0]);
        }
    }

    private static List<Method> interfaceMethods(Object target, String[] interfaceNames) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : target.getClass().getInterfaces()) {
            if (Arrays.asList(interfaceNames).contains(type.getName())) {
                methods.addAll(Arrays.asList(type.getMethods()));
            }
        }
        return methods;
    }

    private static Object invoke(Object target, Method m, String[] args) throws Exception {
        Object[] values = new Object[args.length];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            values[i] = convert(args[i], types[i], i + 1);
        }
        try {
            return m.invoke(target, values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e; // the operation's own error, e.g. a raised one
        }
    }

    private static Object convert(String text, Class<?> type, int position) {
        try {
            if (type == long.class || type == Long.class) {
                return Long.parseLong(text);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument " + position + ": '" + text + "' is not a" + (type == long.class || type == Long.class ? "n Int" : " Float"));
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("argument " + position + ": '" + text + "' is not a Bool (true or false)");
            }
            return Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            return text;
        }
        throw new IllegalArgumentException("argument " + position + ": a " + type.getSimpleName() + " cannot be given from the shell");
    }
}
