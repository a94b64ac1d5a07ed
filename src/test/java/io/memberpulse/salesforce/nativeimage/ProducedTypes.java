package io.memberpulse.salesforce.nativeimage;

import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The static type, generics included where the class file keeps them, of the value an instruction
 * leaves on the stack: a class literal, a local variable (its LocalVariableTable signature, so
 * {@code List<Row> rows} says {@code Row}), a field, a method's return, a {@code new} or cast.
 */
final class ProducedTypes {

    private final Map<String, ClassNode> classes;

    ProducedTypes(Map<String, ClassNode> classes) {
        this.classes = classes;
    }

    /** A type descriptor or generic signature; empty when the instruction says nothing useful. */
    String typeText(MethodNode method, AbstractInsnNode source) {
        if (source instanceof LdcInsnNode ldc && ldc.cst instanceof Type type) {
            return type.getDescriptor();
        }
        if (source instanceof VarInsnNode load) {
            return local(method, load);
        }
        if (source instanceof FieldInsnNode field) {
            return field(field);
        }
        if (source instanceof MethodInsnNode call) {
            return returned(call);
        }
        if (source instanceof TypeInsnNode typed) {
            return typed.desc.startsWith("[") ? typed.desc : "L" + typed.desc + ";";
        }
        if (source instanceof InvokeDynamicInsnNode indy) {
            return Type.getReturnType(indy.desc).getDescriptor();
        }
        return "";
    }

    private static String local(MethodNode method, VarInsnNode load) {
        if (method.localVariables == null) {
            return "";
        }
        int at = method.instructions.indexOf(load);
        String text = "";
        for (LocalVariableNode variable : method.localVariables) {
            // Scopes are delimited by label pseudo-instructions, so a load lies strictly inside one.
            int from = method.instructions.indexOf(variable.start);
            int to = method.instructions.indexOf(variable.end);
            if (variable.index == load.var && at > from && at < to) {
                text += variable.signature != null ? variable.signature : variable.desc;
            }
        }
        return text;
    }

    private String field(FieldInsnNode insn) {
        ClassNode owner = classes.get(insn.owner);
        if (owner != null) {
            for (FieldNode field : owner.fields) {
                if (field.name.equals(insn.name) && field.signature != null) {
                    return field.signature;
                }
            }
        }
        return insn.desc;
    }

    private String returned(MethodInsnNode insn) {
        ClassNode owner = classes.get(insn.owner);
        if (owner != null) {
            for (MethodNode method : owner.methods) {
                if (method.name.equals(insn.name) && method.desc.equals(insn.desc) && method.signature != null) {
                    return method.signature.substring(method.signature.lastIndexOf(')') + 1);
                }
            }
        }
        return Type.getReturnType(insn.desc).getDescriptor();
    }
}
