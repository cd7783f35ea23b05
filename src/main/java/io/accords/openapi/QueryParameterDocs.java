package io.accords.openapi;

import io.accords.http.QueryParameterTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Lists, in place of an operation's {@link QueryParameterTable#EXTENSION} extension, the query parameters of the
 * table it names: the table is their one declaration.
 */
final class QueryParameterDocs {

    private QueryParameterDocs() {}

    static void expand(OpenAPI openAPI) {
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                Object table = taken(operation);
                if (table != null) {
                    List<Parameter> parameters =
                            new ArrayList<>(operation.getParameters() == null ? List.of() : operation.getParameters());
                    QueryParameterTable.named(table.toString()).parameters().stream()
                            .map(QueryParameterDocs::parameter)
                            .forEach(parameters::add);
                    // As the scanner lists them: path and header parameters first, then the query's by name.
                    parameters.sort(Comparator.comparing((Parameter p) -> p.getIn() == Parameter.In.QUERY)
                            .thenComparing(p -> p.getIn() == Parameter.In.QUERY ? p.getName() : ""));
                    operation.setParameters(parameters);
                }
            }
        }
    }

    /**
     * The table the operation names, taken out of the document; the scanner may hang a method's extension on its
     * response rather than on the operation.
     */
    private static Object taken(Operation operation) {
        Object table = null;
        List<Extensible<?>> holders = new ArrayList<>();
        holders.add(operation);
        if (operation.getResponses() != null) {
            holders.addAll(operation.getResponses().getAPIResponses().values());
        }
        for (Extensible<?> holder : holders) {
            if (holder.getExtensions() != null && holder.getExtensions().containsKey(QueryParameterTable.EXTENSION)) {
                table = holder.getExtensions().get(QueryParameterTable.EXTENSION);
                holder.removeExtension(QueryParameterTable.EXTENSION);
            }
        }
        return table;
    }

    private static Parameter parameter(QueryParameterTable.Documented documented) {
        // A parameter whose example is a number is a whole number from 0 (a count of days ahead). That example only
        // types it: it is not prefilled, since it would narrow the list's prefilled search to nothing.
        Schema schema = documented.example() instanceof Integer
                ? OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(QueryParameterTable.MAX_DAYS_AHEAD))
                : OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        if (documented.values() != null) {
            schema = OASFactory.createSchema()
                    .ref("#/components/schemas/" + documented.values().getSimpleName());
        }
        if (documented.repeatable()) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(schema);
        }
        Parameter parameter = OASFactory.createParameter()
                .name(documented.name())
                .in(Parameter.In.QUERY)
                .description(documented.description())
                .schema(schema);
        if (documented.example() != null && !(documented.example() instanceof Integer)) {
            parameter.example(documented.example());
        }
        return parameter;
    }
}
