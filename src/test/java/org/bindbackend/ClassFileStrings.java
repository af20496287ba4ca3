package org.bindbackend;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The string constants of a compiled class (JVMS §4.4): the text its code loads as literals. */
final class ClassFileStrings {

    private ClassFileStrings() {
    }

    /** The values of the class's {@code CONSTANT_String} entries. */
    static List<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[index] = in.readUTF();
                case 8 -> strings.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> values = new ArrayList<>();
        for (int index : strings) {
            values.add(utf8[index]);
        }
        return values;
    }

    /** The packages below {@code org.bindbackend} that {@code text} names classes of. */
    static Set<String> namedPackages(String text, Pattern className) {
        Set<String> packages = new TreeSet<>();
        Matcher match = className.matcher(text);
        while (match.find()) {
            packages.add(match.group(1));
        }
        return packages;
    }
}
