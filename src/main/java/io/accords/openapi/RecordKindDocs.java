package io.accords.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.common.Nouns;
import io.accords.record.ExampleRecords;
import io.accords.record.RecordKind;
import io.accords.record.RecordResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * Says, for each record kind, what {@link RecordResource}'s generic operations are called and do, from the kind's
 * {@link RecordKind} found in the index: operation ids ({@code getOccasion}), summaries ("Create an occasion"), the
 * descriptions, the id's description and example, the bodies' examples, and the examples of the kind's schemas. A new
 * kind is documented by its declaration alone.
 */
final class RecordKindDocs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DotName RESOURCE = DotName.createSimple(RecordResource.class.getName());
    private static final DotName KIND = DotName.createSimple(RecordKind.class.getName());
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final String APPLICATION_JSON = "application/json";

    private RecordKindDocs() {}

    /**
     * Documents every kind's operations in the document, and adds the examples of each kind's schemas (the record, a
     * page of them) to {@code examples}, by schema name.
     */
    static void document(OpenAPI openAPI, IndexView index, Map<String, String> examples) {
        for (ClassInfo resource : index.getAllKnownSubclasses(RESOURCE)) {
            AnnotationInstance kind = resource.declaredAnnotation(KIND);
            AnnotationInstance path = resource.declaredAnnotation(PATH);
            if (kind != null && path != null) {
                String route = template(path.value().asString());
                document(openAPI, new Kind(kind, route), examples, view(resource), roles(index, route));
            }
        }
    }

    private static void document(
            OpenAPI openAPI, Kind kind, Map<String, String> examples, String view, Map<String, List<String>> roles) {
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        String item = kind.path + "/{id}";
        String noun = kind.noun;
        String name = kind.capitalized();

        Operation get = describe(paths.get(item).getGET(), "get" + name, "Get " + kind.a(), kind.text("get"));
        answers(get, "200", "The " + noun);
        String schema = schemaName(get.getResponses().getAPIResponse("200").getContent());
        examples.put(schema, kind.text("example"));
        examples.put("PageView" + view, kind.text("pageExample"));

        Operation create = describe(
                paths.get(kind.path).getPOST(),
                "create" + name,
                kind.parent.isEmpty()
                        ? "Create " + kind.a()
                        : "Add " + kind.a() + " to " + Nouns.withArticle(kind.parent),
                kind.text("create"));
        create.getResponses()
                .getAPIResponse("201")
                .content(OASFactory.createContent()
                        .addMediaType(
                                APPLICATION_JSON,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + schema))));
        bodyExample(create, kind.text("inputName"), kind.text("input"));

        Operation replace = describe(
                paths.get(item).getPUT(),
                "replace" + name,
                "Replace " + kind.a(),
                "Replaces every client-writable field; classification must be sent (send the current one to keep"
                        + " it), and only an admin may lower it (403). Send If-Match with the ETag you read to be sure"
                        + " nobody changed the " + noun + " meanwhile (412 otherwise).");
        answers(replace, "200", "The replaced " + noun);
        bodyExample(replace, "the example " + noun + " as it is", kind.text("replace"));

        Operation patch = describe(
                paths.get(item).getPATCH(),
                "patch" + name,
                "Change some fields of " + kind.a(),
                "Applies an RFC 7396 JSON merge patch: the members sent replace the stored ones, null removes one."
                        + " The result must be a valid " + noun + ".");
        answers(patch, "200", "The changed " + noun);
        bodyExample(patch, kind.text("patchName"), kind.text("patch"));

        Operation delete =
                describe(paths.get(item).getDELETE(), "delete" + name, "Delete " + kind.a(), kind.text("delete"));
        if (!kind.text("conflict").isEmpty()) {
            delete.getResponses()
                    .addAPIResponse("409", OASFactory.createAPIResponse().description(kind.text("conflict")));
        }

        answers(
                describe(
                        paths.get(item + "/history").getGET(),
                        "get" + name + "History",
                        "List the changes of " + kind.a(),
                        "Every create, update and delete of the " + noun + ", newest first: who made it (the"
                                + " token's subject), when, the version, and the " + noun + " as it stood after it."
                                + " Revisions above your clearance are left out. After a deletion only admins can"
                                + " read it."),
                "200",
                "The revisions");
        answers(
                describe(
                        paths.get(item + "/history/{version}/diff").getGET(),
                        "get" + name + "RevisionDiff",
                        "Show what one change of " + kind.a() + " changed",
                        "The change that produced this version, as an RFC 6902 JSON Patch from the version before"
                                + " it that you may see (from an empty object for the creation). Both as you may see"
                                + " them."),
                "200",
                "The patch");
        answers(
                describe(
                        paths.get(item + "/history/diff").getGET(),
                        "get" + name + "Diff",
                        "Compare two versions of " + kind.a(),
                        "What changed from version from to version to, as an RFC 6902 JSON Patch; either way round."
                                + " Both versions must be ones you may see."),
                "200",
                "The patch");

        if (!kind.text("duplicate").isEmpty()) {
            for (Operation write : new Operation[] {create, replace, patch}) {
                write.getResponses()
                        .addAPIResponse("409", OASFactory.createAPIResponse().description(kind.text("duplicate")));
            }
            create.getResponses()
                    .getAPIResponse("409")
                    .content(ProblemResponsesFilter.problemContent("duplicate", parse(kind.text("duplicateExample"))));
        }
        List<Parameter> parentIds = paths.get(kind.path).getParameters();
        paths.get(kind.path).setParameters(null);
        for (String route : new String[] {
            kind.path, item, item + "/history", item + "/history/{version}/diff", item + "/history/diff"
        }) {
            paths.get(route).getOperations().forEach((verb, operation) -> {
                // A change or delete of one record names the example record made for it (ExampleRecords), under the
                // example parent; every other operation names a seed record.
                boolean write = route.equals(item) && verb != PathItem.HttpMethod.GET;
                // The parent's id, which SmallRye puts on the collection's path alone, goes first on each operation.
                if (parentIds != null) {
                    List<Parameter> parameters = new ArrayList<>();
                    for (Parameter parentId : parentIds) {
                        parameters.add(
                                write
                                        ? copy(
                                                parentId,
                                                ExampleRecords.changed(kind.parent)
                                                        .toString())
                                        : parentId);
                    }
                    parameters.addAll(operation.getParameters() == null ? List.of() : operation.getParameters());
                    operation.setParameters(parameters);
                }
                idParameter(
                        operation,
                        kind,
                        !write
                                ? kind.text("seedId")
                                : (verb == PathItem.HttpMethod.DELETE
                                                ? ExampleRecords.deleted(noun)
                                                : ExampleRecords.changed(noun))
                                        .toString());
                secured(operation, roles.get(verb + " " + route), openAPI);
            });
        }
    }

    /**
     * The roles an operation needs, as its {@code @RolesAllowed} says: SmallRye documents them for the methods a
     * resource declares, not for those it inherits from {@link RecordResource}.
     */
    private static void secured(Operation operation, List<String> roles, OpenAPI openAPI) {
        if (operation.getSecurity() == null && roles != null) {
            String scheme = openAPI.getComponents()
                    .getSecuritySchemes()
                    .keySet()
                    .iterator()
                    .next();
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(scheme, roles)));
        }
    }

    /** The roles each of {@link RecordResource}'s operations needs, by method and route under this kind's path. */
    private static Map<String, List<String>> roles(IndexView index, String route) {
        Map<String, List<String>> roles = new HashMap<>();
        for (MethodInfo method : index.getClassByName(RESOURCE).methods()) {
            AnnotationInstance allowed = method.declaredAnnotation(ROLES_ALLOWED);
            AnnotationInstance path = method.declaredAnnotation(PATH);
            for (PathItem.HttpMethod verb : PathItem.HttpMethod.values()) {
                if (allowed != null && method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb))) {
                    roles.put(
                            verb + " " + route
                                    + (path == null
                                            ? ""
                                            : "/" + template(path.value().asString())),
                            List.of(allowed.value().asStringArray()));
                }
            }
        }
        return roles;
    }

    private static Operation describe(Operation operation, String id, String summary, String description) {
        return operation.operationId(id).summary(summary).description(description);
    }

    private static Operation answers(Operation operation, String status, String description) {
        operation.getResponses().getAPIResponse(status).setDescription(description);
        return operation;
    }

    private static void idParameter(Operation operation, Kind kind, String example) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.PATH && "id".equals(parameter.getName())) {
                parameter.setDescription("The " + kind.noun + "'s id");
                parameter.setExample(example);
            }
        }
    }

    /** A parameter as declared, with another example. */
    private static Parameter copy(Parameter parameter, String example) {
        return OASFactory.createParameter()
                .name(parameter.getName())
                .in(parameter.getIn())
                .description(parameter.getDescription())
                .required(parameter.getRequired())
                .schema(parameter.getSchema())
                .example(example);
    }

    private static void bodyExample(Operation operation, String name, String json) {
        for (MediaType media :
                operation.getRequestBody().getContent().getMediaTypes().values()) {
            media.setExamples(null);
            media.addExample(name, OASFactory.createExample().value(parse(json)));
        }
    }

    private static String schemaName(Content content) {
        String ref = content.getMediaType(APPLICATION_JSON).getSchema().getRef();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The simple name of the view a kind's resource answers, its second type argument. */
    private static String view(ClassInfo resource) {
        Type type = resource.superClassType().asParameterizedType().arguments().get(1);
        return type.name().withoutPackagePrefix();
    }

    /** A JAX-RS path as the document writes it: each template's regular expression left out. */
    static String template(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                skipping = true;
            }
            if (!skipping) {
                out.append(depth == 1 && c == ' ' ? "" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example of a record kind is not JSON: " + json, e);
        }
    }

    /** A kind's declaration as the index holds it. */
    private record Kind(AnnotationInstance declaration, String path, String noun, String parent) {

        Kind(AnnotationInstance declaration, String path) {
            this(declaration, path, declaration.value("noun").asString(), text(declaration, "parent"));
        }

        String text(String name) {
            return text(declaration, name);
        }

        private static String text(AnnotationInstance declaration, String name) {
            return declaration.value(name) == null
                    ? ""
                    : declaration.value(name).asString();
        }

        String a() {
            return Nouns.withArticle(noun);
        }

        String capitalized() {
            return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        }
    }
}
