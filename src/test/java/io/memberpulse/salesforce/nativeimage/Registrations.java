package io.memberpulse.salesforce.nativeimage;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;

/**
 * The classes that {@code @RegisterForReflection} registers, read the way Quarkus reads it: the
 * annotated class, its {@code targets} and {@code classNames}, and their nested classes unless
 * {@code ignoreNested = true}.
 */
final class Registrations {

    private static final String REGISTER = "Lio/quarkus/runtime/annotations/RegisterForReflection;";

    private final Set<String> exact = new TreeSet<>();
    private final Set<String> withNested = new TreeSet<>();

    Registrations(Collection<ClassNode> classes) {
        for (ClassNode node : classes) {
            annotations(node).stream().filter(a -> REGISTER.equals(a.desc)).forEach(a -> read(node, a));
        }
    }

    boolean registers(String type) {
        if (exact.contains(type) || withNested.contains(type)) {
            return true;
        }
        return withNested.stream().anyMatch(outer -> type.startsWith(outer + "$"));
    }

    private void read(ClassNode node, AnnotationNode annotation) {
        boolean ignoreNested = Boolean.TRUE.equals(value(annotation, "ignoreNested"));
        Set<String> into = ignoreNested ? exact : withNested;
        List<?> targets = (List<?>) value(annotation, "targets");
        List<?> names = (List<?>) value(annotation, "classNames");
        if (targets == null && names == null) {
            into.add(node.name);
            return;
        }
        if (targets != null) {
            targets.forEach(target -> into.add(((Type) target).getInternalName()));
        }
        if (names != null) {
            names.forEach(name -> into.add(((String) name).replace('.', '/')));
        }
    }

    private static Object value(AnnotationNode annotation, String name) {
        List<Object> values = annotation.values;
        for (int i = 0; values != null && i < values.size(); i += 2) {
            if (name.equals(values.get(i))) {
                return values.get(i + 1);
            }
        }
        return null;
    }

    private static List<AnnotationNode> annotations(ClassNode node) {
        List<AnnotationNode> all = new java.util.ArrayList<>();
        if (node.visibleAnnotations != null) {
            all.addAll(node.visibleAnnotations);
        }
        if (node.invisibleAnnotations != null) {
            all.addAll(node.invisibleAnnotations);
        }
        return all;
    }
}
