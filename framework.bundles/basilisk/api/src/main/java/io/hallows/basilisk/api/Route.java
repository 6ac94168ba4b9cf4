package io.hallows.basilisk.api;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One HTTP operation of a module: a method and a path template bound to a Parseltongue operation.
 * Implemented by generated code; called by the server on a worker of the {@code web} partition
 * (never on an event loop), so it may block on the database.
 */
@ConsumerType
public interface Route {
    /** The HTTP method in capitals: GET, POST, PUT, PATCH or DELETE. */
    String method();

    /** The path template, e.g. {@code /orders/{id}}: segments in braces bind path parameters. */
    String path();

    /** The operation it runs, {@code Service.op}, as shown in {@code basilisk:routes}. */
    String operation();

    /** How it answers. */
    RouteKind kind();

    /** The parameters it binds, in the operation's order (for docs and {@code basilisk:routes}). */
    List<Parameter> parameters();

    /**
     * The OLTP tables the operation reads (lower case). For a streaming route, a committed change
     * to one of them makes the server call {@link #handle} again and send the new result.
     */
    Set<String> tables();

    /**
     * Runs the operation for one request.
     *
     * @throws BadRequest when a path, query or body value does not fit its parameter's type; the
     *     server answers {@code 400} with a problem document naming the field
     */
    Response handle(Request request) throws BadRequest;

    /**
     * A parameter the route binds.
     *
     * @param name the operation's parameter name
     * @param source where its value comes from
     * @param type its Parseltongue type, e.g. {@code Int}, {@code Option<String>}, {@code Order}
     */
    record Parameter(String name, Source source, String type) {}

    /** Where a parameter's value comes from. */
    enum Source { PATH, QUERY, BODY }
}
