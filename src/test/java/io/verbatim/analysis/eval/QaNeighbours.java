package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.learned.ScorecardNeighbours;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The scorecard neighbour bank ({@link ScorecardNeighbours}) over the training calls, with every call's agent sentences
 * looked up once among other writers' sentences. Leave-one-writer-out: the votes of every call, training or scored,
 * exclude the scored writer as well as the call's own writer.
 */
final class QaNeighbours {

    private final ScorecardNeighbours bank;
    private final List<List<ScorecardNeighbours.Nearest>> nearest;

    QaNeighbours(List<QaExperiment.Call> calls, List<String> writers) {
        List<String> items = new ArrayList<>(new TreeSet<>(calls.stream().flatMap(c -> c.items().keySet().stream()).toList()));
        List<float[]> vectors = new ArrayList<>();
        List<byte[]> labels = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (QaExperiment.Call c : calls) {
            byte[] row = new byte[items.size()];
            for (int j = 0; j < items.size(); j++) {
                QaExperiment.Item it = c.items().get(items.get(j));
                row[j] = (byte) (it == null || it.gold().equals("null") ? 0 : it.gold().equals("true") ? 1 : 2);
            }
            for (float[] v : c.agentSentences()) {
                vectors.add(v);
                labels.add(row);
                owners.add(writers.indexOf(TrainAnalyst.writer(c.id())));
            }
        }
        bank = new ScorecardNeighbours(items, vectors.toArray(float[][]::new), labels.toArray(byte[][]::new),
                owners.stream().mapToInt(Integer::intValue).toArray());
        nearest = IntStream.range(0, calls.size()).parallel().mapToObj(i -> {
            int own = writers.indexOf(TrainAnalyst.writer(calls.get(i).id()));
            List<ScorecardNeighbours.Nearest> out = new ArrayList<>();
            for (float[] v : calls.get(i).agentSentences()) {
                out.add(bank.nearest(v, own));
            }
            return out;
        }).toList();
    }

    /** The call's votes on the item, none from writer {@code excluded} (-1: none but its own). */
    double[] features(int call, String key, int excluded) {
        return bank.features(nearest.get(call), key, excluded);
    }

    void write(Path file) throws java.io.IOException {
        bank.write(file);
    }
}
