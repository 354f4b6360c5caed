package dev.kassa.testfixtures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package structure of one service, read from its compiled main classes with ArchUnit: which feature
 * package (the first package below the service's base package, {@code dev.kassa.payment.checkout} for
 * {@code dev.kassa.payment.checkout.*}) uses which. The base package itself, home of the application class,
 * is a package too ({@value #ROOT}), so a feature that reaches back into it counts as a cycle.
 *
 * <p>Each service's {@code ArchitectureTest} asserts with it that no two packages depend on each other, even
 * through others ({@link #assertFreeOfCycles()}), states the few boundaries its design names with ArchUnit
 * rules over {@link #classes()}, and keeps the diagram of the dependencies in {@code docs/modules/} current
 * ({@link #assertDiagramIsCurrent(String, Path)}).
 */
public final class PackageBoundaries {

    /** The name of the base package's slice in messages and diagrams. */
    public static final String ROOT = "(root)";

    private final String basePackage;
    private final JavaClasses classes;

    private PackageBoundaries(String basePackage, JavaClasses classes) {
        this.basePackage = basePackage;
        this.classes = classes;
    }

    /** The main classes (no test classes) of {@code basePackage} and its sub-packages on the class path. */
    public static PackageBoundaries of(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        assertThat(classes).as("main classes under %s", basePackage).isNotEmpty();
        return new PackageBoundaries(basePackage, classes);
    }

    public JavaClasses classes() {
        return classes;
    }

    /** The feature package a class belongs to, {@value #ROOT} for the base package, null outside it. */
    public String featureOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (pkg.equals(basePackage)) {
            return ROOT;
        }
        if (!pkg.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = pkg.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Fails, naming the classes involved, when any feature packages (or the base package) form a cycle. */
    public void assertFreeOfCycles() {
        SlicesRuleDefinition.slices()
                .assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String feature = featureOf(javaClass);
                        return feature == null ? SliceIdentifier.ignore() : SliceIdentifier.of(feature);
                    }

                    @Override
                    public String getDescription() {
                        return "the packages of " + basePackage;
                    }
                })
                .should().beFreeOfCycles()
                .check(classes);
    }

    /**
     * Fails when a class outside the feature package {@code owner} (relative to the base package) uses
     * {@code type}: the one place that may, such as the only package that writes to the outbox.
     */
    public void assertOnlyFeatureUses(String owner, Class<?> type) {
        noClasses()
                .that().resideOutsideOfPackage(basePackage + "." + owner + "..")
                .should().dependOnClassesThat().areAssignableTo(type)
                .check(classes);
    }

    /**
     * Fails when a {@code @RestController} uses a {@code *Repository} of another feature package: a feature
     * reaches another's data through that feature's service, so its rules and transactions stay in one place.
     */
    public void assertControllersUseOnlyTheirOwnRepositories() {
        List<String> violations = new ArrayList<>();
        for (JavaClass controller : classes) {
            if (!controller.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")) {
                continue;
            }
            for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String feature = featureOf(target);
                if (feature != null && target.getSimpleName().endsWith("Repository")
                        && !feature.equals(featureOf(controller))) {
                    violations.add(dependency.getDescription());
                }
            }
        }
        assertThat(violations).as("controllers using another package's repository").isEmpty();
    }

    /** Every feature package (with {@value #ROOT}) and the feature packages it uses, sorted. */
    public SortedMap<String, SortedSet<String>> dependencies() {
        SortedMap<String, SortedSet<String>> uses = new TreeMap<>();
        for (JavaClass origin : classes) {
            String from = featureOf(origin);
            if (from == null) {
                continue;
            }
            SortedSet<String> targets = uses.computeIfAbsent(from, f -> new TreeSet<>());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = featureOf(dependency.getTargetClass().getBaseComponentType());
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return uses;
    }

    /** A Markdown page with a Mermaid graph of {@link #dependencies()}: what {@code docs/modules/} holds. */
    public String diagram(String service) {
        StringBuilder page = new StringBuilder()
                .append("# ").append(service).append(": packages\n\n")
                .append("Generated by `").append(service).append("`'s `ArchitectureTest` from the compiled classes")
                .append(" (`dev.kassa.testfixtures.PackageBoundaries`); an arrow means \"uses\". Packages are")
                .append(" relative to `").append(basePackage).append("`; ").append(ROOT)
                .append(" is that package itself. The test fails while this file differs from the code and")
                .append(" rewrites it: commit the new version.\n\n")
                .append("```mermaid\nflowchart TD\n");
        Map<String, SortedSet<String>> uses = dependencies();
        for (String feature : uses.keySet()) {
            page.append("    ").append(node(feature)).append("[\"").append(feature).append("\"]\n");
        }
        for (Map.Entry<String, SortedSet<String>> entry : uses.entrySet()) {
            for (String target : entry.getValue()) {
                page.append("    ").append(node(entry.getKey())).append(" --> ").append(node(target)).append('\n');
            }
        }
        return page.append("```\n").toString();
    }

    /**
     * Fails when {@code file} is not {@link #diagram(String)} of this service, after writing the current
     * diagram there, so that one run of the test updates the page and the next one passes.
     */
    public void assertDiagramIsCurrent(String service, Path file) {
        String expected = diagram(service);
        try {
            String committed = Files.exists(file) ? Files.readString(file) : "";
            if (!committed.equals(expected)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected);
            }
            assertThat(committed)
                    .as("%s was out of date and has been rewritten; commit it", file.toAbsolutePath().normalize())
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String node(String feature) {
        return ROOT.equals(feature) ? "root" : feature.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The feature packages of the service, as {@link #dependencies()} names them. */
    public Set<String> features() {
        return dependencies().keySet();
    }
}
