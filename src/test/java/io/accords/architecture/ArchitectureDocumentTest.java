package io.accords.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md's package table says what each package depends on; the compiled classes say what it does. They
 * must agree, package for package, so the document cannot go stale silently: a new package needs a row, a new
 * dependency needs its name in the row.
 */
class ArchitectureDocumentTest {

    private static final String ROOT = "io.accords.";
    /** A row of the table: | `package` | what it owns | what it depends on |. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z]+)` \\|.*\\| ([^|]+) \\|$");

    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    @Test
    void thePackageTableSaysWhatEachPackageDependsOn() throws IOException {
        String document = Files.readString(Path.of("docs/ARCHITECTURE.md"));
        Map<String, Set<String>> documented = new TreeMap<>();
        List<String> order = new ArrayList<>();
        Matcher row = ROW.matcher(document);
        while (row.find()) {
            order.add(row.group(1));
            Set<String> names = new TreeSet<>();
            Matcher name = NAME.matcher(row.group(2));
            while (name.find()) {
                names.add(name.group(1));
            }
            documented.put(row.group(1), names);
        }
        assertEquals(actual(), documented, "docs/ARCHITECTURE.md's package table against the compiled classes");
        // As the document says: every arrow points down the table.
        documented.forEach((from, uses) -> uses.forEach(to -> assertTrue(
                order.indexOf(to) > order.indexOf(from), from + " depends on " + to + ", which is not below it")));
    }

    /**
     * Each top-level package under io.accords and the others its classes use: in their bytecode, and in their source
     * (a compile-time constant, such as an example in an annotation, leaves no trace in the bytecode).
     */
    private static Map<String, Set<String>> actual() throws IOException {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.accords");
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = feature(type);
            if (from == null) {
                continue;
            }
            Set<String> uses = graph.computeIfAbsent(from, f -> new TreeSet<>());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = feature(dependency.getTargetClass());
                if (to != null && !to.equals(from)) {
                    uses.add(to);
                }
            }
        }
        Pattern reference = Pattern.compile("io\\.accords\\.([a-z]+)\\.");
        try (var sources = Files.walk(Path.of("src/main/java/io/accords"))) {
            for (Path source :
                    sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = Path.of("src/main/java/io/accords")
                        .relativize(source)
                        .getName(0)
                        .toString();
                Matcher used = reference.matcher(Files.readString(source));
                while (used.find()) {
                    if (!used.group(1).equals(from)) {
                        graph.computeIfAbsent(from, f -> new TreeSet<>()).add(used.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** The top-level package under io.accords a class is in ({@code agreement}), or null outside it. */
    static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        int dot = name.indexOf('.', ROOT.length());
        return dot < 0 ? name.substring(ROOT.length()) : name.substring(ROOT.length(), dot);
    }
}
