package dev.vlint.fuzz;

import dev.vlint.fuzz.Seeds.Seed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Ways of breaking a seed file; each one is a kind of input that has broken parsers before. */
enum Mutations {
    TRUNCATE, INSERT_RANDOM_BYTES, OVERWRITE_RANDOM_BYTES, DELETE_RANGE, SPLICE_OTHER_SEED, DEEP_NESTING,
    LONG_LINE, UNBALANCED_TOKEN, INVALID_UTF8, ALIAS_BOMB, REPEAT, LINE_ENDINGS;

    /** A mutated file, with a description that says how it was made (shown when a property fails). */
    record Mutant(String path, Seed seed, String how, byte[] bytes) {
        @Override
        public String toString() {
            return seed.path() + " " + how + " -> " + bytes.length + " bytes";
        }
    }

    private static final List<String> OPENERS = List.of("[", "{", "(", "$(", "${", "- ", "  ", "\"$(", "{{ ",
            "if true; then ", "`", "<<", "\\\n", "key:\n  ", "- [", "{a: ", "f(", "<(");
    private static final List<String> UNBALANCED = List.of("\"", "'", "`", "<<EOF\n", "<<-'X' cat\n", "${",
            "[[ ", "\"\"\"", "'''", "{{ ", "*anchor ", "&a ", "\\", "[", "]", "}", "#", "\n\t", "|\n", ">-\n",
            "$((", "# syntax=", "# escape=`\n", "RUN <<A <<B\n", "on:\n  push: [", "\u0000", "\r");
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF0, (byte) 0x90}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    /** Seeds with one to three mutations applied. */
    static Arbitrary<Mutant> mutants() {
        Arbitrary<Seed> seeds = Arbitraries.of(Seeds.all());
        Arbitrary<List<Mutations>> ops = Arbitraries.of(Mutations.class).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(seeds, ops, Arbitraries.longs()).as((seed, list, salt) -> {
            Random random = new Random(salt);
            byte[] bytes = seed.bytes();
            StringBuilder how = new StringBuilder();
            for (Mutations op : list) {
                bytes = op.apply(bytes, random);
                how.append(op).append(' ');
            }
            return new Mutant(seed.path(), seed, how + "(salt " + salt + ")", bytes);
        });
    }

    byte[] apply(byte[] in, Random random) {
        int at = random.nextInt(in.length + 1);
        return switch (this) {
            case TRUNCATE -> Arrays.copyOf(in, at);
            case INSERT_RANDOM_BYTES -> {
                byte[] noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                yield insert(in, at, noise);
            }
            case OVERWRITE_RANDOM_BYTES -> {
                byte[] out = in.clone();
                for (int i = 0; i < 1 + random.nextInt(8) && out.length > 0; i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                yield out;
            }
            case DELETE_RANGE -> {
                int end = Math.min(in.length, at + random.nextInt(200));
                yield concat(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, end, in.length));
            }
            case SPLICE_OTHER_SEED -> {
                byte[] other = Seeds.all().get(random.nextInt(Seeds.all().size())).bytes();
                int from = random.nextInt(other.length + 1);
                int to = Math.min(other.length, from + random.nextInt(400));
                yield insert(in, at, Arrays.copyOfRange(other, from, to));
            }
            case DEEP_NESTING -> insert(in, at,
                    utf8(OPENERS.get(random.nextInt(OPENERS.size())).repeat(500 + random.nextInt(4500))));
            case LONG_LINE -> insert(in, at, utf8("RUN echo " + "ab\"c'".charAt(random.nextInt(5))
                    + "x".repeat(1 << 20)));
            case UNBALANCED_TOKEN -> insert(in, at, utf8(UNBALANCED.get(random.nextInt(UNBALANCED.size()))));
            case INVALID_UTF8 -> insert(in, at, BAD_UTF8.get(random.nextInt(BAD_UTF8.size())));
            case ALIAS_BOMB -> random.nextBoolean() ? concat(utf8(aliasBomb()), in) : insert(in, at, utf8(aliasBomb()));
            case REPEAT -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int times = 2 + random.nextInt(Math.max(1, 300_000 / Math.max(1, in.length)));
                for (int i = 0; i < times; i++) {
                    out.writeBytes(in);
                }
                yield out.toByteArray();
            }
            case LINE_ENDINGS -> new String(in, StandardCharsets.ISO_8859_1)
                    .replace("\n", random.nextBoolean() ? "\r\n" : "\r").getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    /** Nine levels of nine references each: a billion strings if a reader expanded aliases. */
    static String aliasBomb() {
        StringBuilder b = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level < 10; level++) {
            String ref = "*a" + (level - 1);
            b.append('a').append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, ref))).append("]\n");
        }
        return b.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] in, int at, byte[] piece) {
        return concat(concat(Arrays.copyOfRange(in, 0, at), piece), Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
