package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base as the build compiles it: each YAML file's tree in a small binary form that
 * loads without a YAML or JSON parser, which a one-file run would otherwise spend most of its
 * start-up on. Layout: the distinct strings (keys and values, each once), then the tree in
 * pre-order, one tag byte per node, counts and string numbers as variable-length integers.
 */
public final class CompactTree {
    static final String SUFFIX = ".kb";

    private static final int OBJECT = 0;
    private static final int ARRAY = 1;
    private static final int STRING = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int BIG_INTEGER = 5;
    private static final int DOUBLE = 6;
    private static final int TRUE = 7;
    private static final int FALSE = 8;
    private static final int NULL = 9;

    private CompactTree() {}

    /** Build step: compiles each bundled YAML file into a {@value #SUFFIX} file in the folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (String name : KnowledgeBase.FILES) {
            Files.write(dir.resolve(name + SUFFIX), encode(KnowledgeBase.readYaml(name + ".yaml")));
        }
    }

    static byte[] encode(JsonNode tree) throws IOException {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> strings = new ArrayList<>();
        collectStrings(tree, numbers, strings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writeCount(out, strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
        writeNode(out, tree, numbers);
        out.flush();
        return bytes.toByteArray();
    }

    static JsonNode decode(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        String[] strings = new String[readCount(in)];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readUTF();
        }
        return readNode(in, strings);
    }

    private static void collectStrings(JsonNode node, Map<String, Integer> numbers, List<String> strings) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                number(field.getKey(), numbers, strings);
                collectStrings(field.getValue(), numbers, strings);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectStrings(item, numbers, strings));
        } else if (node.isTextual() || node.isBigInteger()) {
            number(node.asText(), numbers, strings);
        }
    }

    private static void number(String s, Map<String, Integer> numbers, List<String> strings) {
        numbers.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    private static void writeNode(DataOutputStream out, JsonNode node, Map<String, Integer> numbers) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeByte(OBJECT);
                writeCount(out, node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    writeCount(out, numbers.get(field.getKey()));
                    writeNode(out, field.getValue(), numbers);
                }
            }
            case ARRAY -> {
                out.writeByte(ARRAY);
                writeCount(out, node.size());
                for (JsonNode item : node) {
                    writeNode(out, item, numbers);
                }
            }
            case STRING -> {
                out.writeByte(STRING);
                writeCount(out, numbers.get(node.asText()));
            }
            case NUMBER -> {
                if (node.isInt()) {
                    out.writeByte(INT);
                    out.writeInt(node.intValue());
                } else if (node.isLong()) {
                    out.writeByte(LONG);
                    out.writeLong(node.longValue());
                } else if (node.isBigInteger()) {
                    out.writeByte(BIG_INTEGER);
                    writeCount(out, numbers.get(node.asText()));
                } else {
                    out.writeByte(DOUBLE);
                    out.writeDouble(node.doubleValue());
                }
            }
            case BOOLEAN -> out.writeByte(node.booleanValue() ? TRUE : FALSE);
            case NULL -> out.writeByte(NULL);
            default -> throw new IOException("cannot compile a " + node.getNodeType() + " node");
        }
    }

    private static JsonNode readNode(DataInputStream in, String[] strings) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (int n = readCount(in); n > 0; n--) {
                    String key = strings[readCount(in)];
                    object.set(key, readNode(in, strings));
                }
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (int n = readCount(in); n > 0; n--) {
                    array.add(readNode(in, strings));
                }
                yield array;
            }
            case STRING -> nodes.textNode(strings[readCount(in)]);
            case INT -> nodes.numberNode(in.readInt());
            case LONG -> nodes.numberNode(in.readLong());
            case BIG_INTEGER -> nodes.numberNode(new BigInteger(strings[readCount(in)]));
            case DOUBLE -> nodes.numberNode(in.readDouble());
            case TRUE -> nodes.booleanNode(true);
            case FALSE -> nodes.booleanNode(false);
            case NULL -> nodes.nullNode();
            default -> throw new IOException("unknown node tag " + tag);
        };
    }

    /** A non-negative int in 7-bit groups, low group first: most counts and string numbers take one byte. */
    private static void writeCount(OutputStream out, int value) throws IOException {
        while (value >= 0x80) {
            out.write(value & 0x7f | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static int readCount(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
    }
}
