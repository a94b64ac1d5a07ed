package io.memberpulse.salesforce.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Reads compiled classes and finds the application types that Jackson (de)serializes by reflection
 * outside REST signatures: every argument of an {@code ObjectMapper}/{@code ObjectReader}/
 * {@code ObjectWriter} (or Vert.x {@code Json}/{@code JsonObject}) read or write call, typed by the
 * instruction that produced it ({@link ProducedTypes}), then the types Jackson reaches from those
 * through fields and record components. Its counterpart, {@link Registrations}, reads the
 * {@code @RegisterForReflection} annotations. An argument whose static type is {@code Object} says
 * nothing and is not reported: the test's fixture and the README's audit cover that limit.
 */
final class JsonTypeScanner {

    static final String APP = "io/memberpulse/salesforce/";

    private static final Set<String> JSON_OWNERS = Set.of("com/fasterxml/jackson/databind/ObjectMapper",
            "com/fasterxml/jackson/databind/ObjectReader", "com/fasterxml/jackson/databind/ObjectWriter",
            "com/fasterxml/jackson/databind/json/JsonMapper", "com/fasterxml/jackson/dataformat/csv/CsvMapper",
            "io/vertx/core/json/Json", "io/vertx/core/json/JsonObject", "io/vertx/core/json/JsonArray");
    private static final Set<String> JSON_CALLS = Set.of("readValue", "readValues", "treeToValue", "convertValue",
            "valueToTree", "writeValueAsString", "writeValueAsBytes", "writeValue", "readerFor", "writerFor",
            "forType", "readerForListOf", "readerForMapOf", "readerForArrayOf", "updateValue", "mapFrom", "mapTo",
            "decodeValue", "encode", "encodePrettily", "encodeToBuffer");
    private static final String TYPE_REFERENCE = "com/fasterxml/jackson/core/type/TypeReference";
    private static final Pattern APP_TYPE = Pattern.compile("L(" + APP + "[^;<]+)");

    private final Map<String, ClassNode> classes;
    private final ProducedTypes produced;

    private JsonTypeScanner(Map<String, ClassNode> classes) {
        this.classes = classes;
        this.produced = new ProducedTypes(classes);
    }

    /** Every class file under {@code root} (target/classes, say). */
    static JsonTypeScanner of(Path root) {
        Map<String, ClassNode> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> add(classes, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonTypeScanner(classes);
    }

    private static void add(Map<String, ClassNode> classes, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, ClassReader.SKIP_FRAMES);
            classes.put(node.name, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, ClassNode> classes() {
        return classes;
    }

    /** Application type (internal name) handed to Jackson, with the methods that do so. */
    Map<String, Set<String>> jsonTypes() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (ClassNode owner : classes.values()) {
            for (MethodNode method : owner.methods) {
                scan(owner, method, uses);
            }
        }
        return withReachable(uses);
    }

    private void scan(ClassNode owner, MethodNode method, Map<String, Set<String>> uses) {
        if (method.instructions.size() == 0 || !callsJson(method)) {
            return;
        }
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("Cannot analyse " + owner.name + "." + method.name, e);
        }
        for (int i = 0; i < frames.length; i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            if (frames[i] != null && isJsonCall(insn)) {
                int arguments = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
                Frame<SourceValue> frame = frames[i];
                for (int a = 0; a < arguments; a++) {
                    SourceValue value = frame.getStack(frame.getStackSize() - arguments + a);
                    for (AbstractInsnNode source : value.insns) {
                        String where = owner.name.replace('/', '.') + "." + method.name;
                        appTypes(produced.typeText(method, source))
                                .forEach(type -> uses.computeIfAbsent(type, k -> new TreeSet<>()).add(where));
                    }
                }
            }
        }
    }

    private static boolean callsJson(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (isJsonCall(insn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJsonCall(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call && JSON_OWNERS.contains(call.owner)
                && JSON_CALLS.contains(call.name);
    }

    /** App types in a type text; a TypeReference subclass stands for the types of its signature. */
    private Set<String> appTypes(String typeText) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = APP_TYPE.matcher(typeText);
        while (matcher.find()) {
            String type = matcher.group(1);
            ClassNode node = classes.get(type);
            if (node != null && TYPE_REFERENCE.equals(node.superName)) {
                found.addAll(appTypes(String.valueOf(node.signature)));
            } else {
                found.add(type);
            }
        }
        return found;
    }

    /** Adds what Jackson reaches from the found types: instance fields (record components), supertypes. */
    private Map<String, Set<String>> withReachable(Map<String, Set<String>> uses) {
        Deque<String> todo = new ArrayDeque<>(uses.keySet());
        while (!todo.isEmpty()) {
            String type = todo.pop();
            ClassNode node = classes.get(type);
            if (node == null) {
                continue;
            }
            for (String reached : reachedFrom(node)) {
                if (!uses.containsKey(reached)) {
                    uses.put(reached, new TreeSet<>(List.of("reached from " + type.replace('/', '.'))));
                    todo.push(reached);
                }
            }
        }
        return uses;
    }

    private Set<String> reachedFrom(ClassNode node) {
        Set<String> reached = new TreeSet<>();
        for (FieldNode field : node.fields) {
            if ((field.access & org.objectweb.asm.Opcodes.ACC_STATIC) == 0) {
                reached.addAll(appTypes(field.signature != null ? field.signature : field.desc));
            }
        }
        if (node.superName != null) {
            reached.addAll(appTypes("L" + node.superName + ";"));
        }
        return reached;
    }
}
