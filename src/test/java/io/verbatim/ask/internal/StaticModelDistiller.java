package io.verbatim.ask.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench.sh distill-static [out]}: distils the static embedding model ({@link StaticEmbedder}) from the
 * all-MiniLM-L6-v2 (quantized) the engine ships, the Model2Vec way (MinishLab 2024): every word piece of the model's
 * vocabulary goes through the network once as the one-token text {@code [CLS] piece [SEP]} and its (mean-pooled, unit)
 * output vector is kept; the 30,522 vectors are centred and reduced to {@value #DIMENSIONS} dimensions by PCA; each
 * row is weighted by a smooth-inverse-frequency estimate of its piece's frequency (Zipf's law over the vocabulary's
 * order, which is by frequency in BERT's vocabulary: weight = a / (a + p), a = 1e-4); rows are stored as int8 with a
 * scale each. Deterministic: the same model gives the same file. About a minute on 2 cores.
 */
public final class StaticModelDistiller {

    static final int DIMENSIONS = 256;
    private static final double SIF = 1e-4;
    private static final int BATCH = 512;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources" + StaticEmbedder.RESOURCE);
        MiniLmEmbedder.disableOnnxTelemetry();
        int vocabulary;
        int cls;
        int sep;
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            JsonNode vocab = new JsonMapper().readTree(in).path("model").path("vocab");
            vocabulary = vocab.size();
            cls = vocab.path("[CLS]").asInt();
            sep = vocab.path("[SEP]").asInt();
        }
        long t0 = System.nanoTime();
        double[][] teacher = new double[vocabulary][];
        try (OnnxMiniLm model = OnnxMiniLm.load(0, 1)) {
            for (int from = 0; from < vocabulary; from += BATCH) {
                List<long[]> batch = new ArrayList<>();
                for (int id = from; id < Math.min(vocabulary, from + BATCH); id++) {
                    batch.add(new long[] {cls, id, sep});
                }
                float[][] vectors = model.runIds(batch);
                for (int i = 0; i < vectors.length; i++) {
                    teacher[from + i] = toDouble(vectors[i]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d word pieces through the teacher in %.1f s%n", vocabulary, (System.nanoTime() - t0) / 1e9);
        double[][] reduced = Pca.reduce(teacher, DIMENSIONS);
        float[][] weighted = new float[vocabulary][DIMENSIONS];
        double harmonic = 0;
        for (int rank = 0; rank < vocabulary; rank++) {
            harmonic += 1.0 / (rank + 2);
        }
        for (int id = 0; id < vocabulary; id++) {
            double p = 1.0 / (id + 2) / harmonic; // Zipf: the id-th piece is about the id-th most frequent
            double w = SIF / (SIF + p);
            for (int d = 0; d < DIMENSIONS; d++) {
                weighted[id][d] = (float) (reduced[id][d] * w);
            }
        }
        Files.createDirectories(out.getParent());
        StaticEmbedder.Matrix.write(weighted, out);
        System.out.printf(Locale.ROOT, "wrote %s: %d x %d int8, %d bytes, in %.1f s%n", out, vocabulary, DIMENSIONS, Files.size(out),
                (System.nanoTime() - t0) / 1e9);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** Principal component analysis by the covariance matrix's eigenvectors (cyclic Jacobi: exact, n = 384 is small). */
    static final class Pca {

        static double[][] reduce(double[][] rows, int dimensions) {
            int n = rows[0].length;
            double[] mean = new double[n];
            for (double[] r : rows) {
                for (int i = 0; i < n; i++) {
                    mean[i] += r[i] / rows.length;
                }
            }
            double[][] cov = new double[n][n];
            double[] c = new double[n];
            for (double[] r : rows) {
                for (int i = 0; i < n; i++) {
                    c[i] = r[i] - mean[i];
                }
                for (int i = 0; i < n; i++) {
                    double ci = c[i];
                    double[] row = cov[i];
                    for (int j = i; j < n; j++) {
                        row[j] += ci * c[j];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    cov[i][j] = cov[j][i];
                }
            }
            double[][] vectors = new double[n][n];
            double[] values = jacobi(cov, vectors);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
            double total = 0;
            double kept = 0;
            for (int i = 0; i < n; i++) {
                total += values[i];
                kept += i < dimensions ? values[order[i]] : 0;
            }
            System.out.printf(Locale.ROOT, "PCA: %d of %d components keep %.1f%% of the variance%n", dimensions, n, 100 * kept / total);
            double[][] out = new double[rows.length][dimensions];
            for (int r = 0; r < rows.length; r++) {
                for (int k = 0; k < dimensions; k++) {
                    int col = order[k];
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += (rows[r][i] - mean[i]) * vectors[i][col];
                    }
                    out[r][k] = s;
                }
            }
            return out;
        }

        /** Eigenvalues of the symmetric {@code a} (destroyed); eigenvectors into the columns of {@code v}. */
        private static double[] jacobi(double[][] a, double[][] v) {
            int n = a.length;
            for (int i = 0; i < n; i++) {
                v[i][i] = 1;
            }
            for (int sweep = 0; sweep < 100; sweep++) {
                double off = 0;
                for (int p = 0; p < n; p++) {
                    for (int q = p + 1; q < n; q++) {
                        off += a[p][q] * a[p][q];
                    }
                }
                if (off < 1e-22) {
                    break;
                }
                for (int p = 0; p < n; p++) {
                    for (int q = p + 1; q < n; q++) {
                        if (Math.abs(a[p][q]) < 1e-300) {
                            continue;
                        }
                        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                        if (theta == 0) {
                            t = 1;
                        }
                        double cs = 1 / Math.sqrt(t * t + 1);
                        double sn = t * cs;
                        for (int k = 0; k < n; k++) { // rotate columns p, q
                            double akp = a[k][p];
                            double akq = a[k][q];
                            a[k][p] = cs * akp - sn * akq;
                            a[k][q] = sn * akp + cs * akq;
                        }
                        for (int k = 0; k < n; k++) { // rotate rows p, q
                            double apk = a[p][k];
                            double aqk = a[q][k];
                            a[p][k] = cs * apk - sn * aqk;
                            a[q][k] = sn * apk + cs * aqk;
                        }
                        for (int k = 0; k < n; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = cs * vkp - sn * vkq;
                            v[k][q] = sn * vkp + cs * vkq;
                        }
                    }
                }
            }
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = a[i][i];
            }
            return values;
        }
    }
}
