package io.hallows.dsl.impl.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.hallows.dsl.impl.check.Names;
import io.hallows.dsl.impl.gen.JavaNames;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code pt:call}: calls an operation of a deployed module's service from the shell, so a newcomer
 * can try a module and watch it change as they edit it. Reflection is fine here: this is the
 * operator's path, not the services' hot path (callers use the generated interfaces).
 *
 * <p>The call runs on a thread of its own and the shell waits for it at most {@code --timeout} ms
 * (by default {@value #DEFAULT_TIMEOUT_MILLIS}): an operation that never returns cannot hang the
 * shell, or a script. When the bound expires the call's thread is interrupted (which ends a wait
 * for a partition) and the operator is told where it was; a body that spins goes on until it ends,
 * which the partition's watchdog reports.
 */
@Component(service = CallCommand.class, property = {"osgi.command.scope=pt", "osgi.command.function=call"})
public final class CallCommand {
    /** How long {@code pt:call} waits for an answer unless told otherwise. */
    static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    private static final int STACK_FRAMES_SHOWN = 6;

    private final BundleContext context;

    @Activate
    public CallCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("call an operation of a deployed module's service: pt:call --timeout 5000 hello Greeter greet Ana")
    public String call(
            @Parameter(names = {"-t", "--timeout"}, absentValue = "" + DEFAULT_TIMEOUT_MILLIS) @Descriptor("how long to wait for the answer, in ms") long timeoutMillis,
            @Descriptor("module") String module, @Descriptor("service") String service,
            @Descriptor("operation") String operation, @Descriptor("arguments: Int, Float, Bool or String") String... args)
            throws Exception {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of ms, given " + timeoutMillis);
        }
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences((String) null, "(&(pt.module=" + module + ")(pt.service=" + service + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + module + "' / '" + service + "' are not a module and service name");
        }
        if (refs == null) {
            throw new IllegalArgumentException("no service " + service + " of module '" + module + "' is running (see pt:list)");
        }
        ServiceReference<?> ref = refs[0];
        String what = "pt:call " + module + " " + service + " " + operation;
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Object target = context.getService(ref);
            try {
                answer.complete(callOn(target, ref, service, operation, args));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            } finally {
                ungetQuietly(ref);
            }
        }, "pt-call " + module + " " + service + "." + operation);
        caller.setDaemon(true);
        caller.start();
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            StackTraceElement[] where = caller.getStackTrace();
            caller.interrupt();
            throw new IllegalArgumentException(what + ": no answer after " + timeoutMillis + " ms (--timeout); the call's thread '"
                    + caller.getName() + "' was interrupted and stays until the operation returns; it was at:"
                    + Arrays.stream(where).limit(STACK_FRAMES_SHOWN).map(f -> "\n    at " + f).reduce("", String::concat)
                    + "\nsee hallows:partitions for a task that overran its partition's bound");
        } catch (InterruptedException e) {
            caller.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(what + ": interrupted while waiting for the answer", e);
        }
    }

    private String callOn(Object target, ServiceReference<?> ref, String service, String operation, String[] args) throws Exception {
        if (target == null) {
            throw new IllegalArgumentException("service " + service + " went away before the call");
        }
        List<Method> methods = ref.getProperty("objectClass") instanceof String[] names ? interfaceMethods(target, names) : List.of();
        String javaName = JavaNames.id(operation);
        List<String> candidates = new ArrayList<>();
        for (Method m : methods) {
            if (!m.getName().equals(javaName)) {
                continue;
            }
            candidates.add(operation + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList());
            if (m.getParameterCount() == args.length) {
                Object result = invoke(target, m, args);
                return m.getReturnType() == void.class ? "done" : PtNotation.result(result);
            }
        }
        if (!candidates.isEmpty()) {
            throw new IllegalArgumentException(operation + " takes " + candidates + ", given " + args.length + " argument(s)");
        }
        TreeSet<String> operations = new TreeSet<>();
        methods.forEach(m -> operations.add(PtNotation.stripEscape(m.getName())));
        throw new IllegalArgumentException(service + " has no operation '" + operation + "'" + Names.suggest(operation, operations)
                + (operations.isEmpty() ? "" : "; its operations: " + String.join(", ", operations)));
    }

    private void ungetQuietly(ServiceReference<?> ref) {
        try {
            context.ungetService(ref);
        } catch (IllegalStateException stopped) {
            // this bundle stopped while the call ran: the framework released the service already
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
