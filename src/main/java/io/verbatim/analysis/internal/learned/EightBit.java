package io.verbatim.analysis.internal.learned;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Unit directions in 8 bits per component: the stored neighbour banks need cosine only, not magnitudes. */
final class EightBit {

    private EightBit() {
    }

    /** The direction in 8 bits: scaled so the largest component is ±127 (cosine needs no more). */
    static byte[] quantize(float[] v) {
        double max = 1e-12;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        byte[] out = new byte[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = (byte) Math.round(v[d] / max * 127);
        }
        return out;
    }

    /** Back to a unit vector. */
    static float[] dequantize(byte[] q) {
        float[] out = new float[q.length];
        double norm = 0;
        for (byte b : q) {
            norm += b * b;
        }
        norm = Math.sqrt(norm) + 1e-12;
        for (int d = 0; d < q.length; d++) {
            out[d] = (float) (q[d] / norm);
        }
        return out;
    }

    /** The labelled rows of a neighbour bank. */
    record Rows(float[][] vectors, int[] labels) {
    }

    /** Each row in 8 bits, then its label byte (both banks' layout after their own header). */
    static void writeRows(DataOutputStream out, float[][] vectors, int[] labels) throws IOException {
        for (int i = 0; i < vectors.length; i++) {
            out.write(quantize(vectors[i]));
            out.writeByte(labels[i]);
        }
    }

    /** Reads {@code n} rows of {@code dims} components as {@link #writeRows} wrote them. */
    static Rows readRows(DataInputStream in, int n, int dims) throws IOException {
        float[][] vectors = new float[n][];
        int[] labels = new int[n];
        byte[] row = new byte[dims];
        for (int i = 0; i < n; i++) {
            in.readFully(row);
            vectors[i] = dequantize(row);
            labels[i] = in.readUnsignedByte();
        }
        return new Rows(vectors, labels);
    }

    /** Reads a shipped bank from its stream. */
    interface BankReader<T> {
        T read(InputStream raw) throws IOException;
    }

    /** A shipped bank, or none when the resource is absent or the analyst runs on rules only. */
    static <T> Optional<T> shipped(String resource, BankReader<T> reader) {
        if (Boolean.getBoolean(LinearModel.RULES_ONLY)) {
            return Optional.empty();
        }
        try (InputStream raw = EightBit.class.getClassLoader().getResourceAsStream(resource)) {
            return raw == null ? Optional.empty() : Optional.of(reader.read(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
