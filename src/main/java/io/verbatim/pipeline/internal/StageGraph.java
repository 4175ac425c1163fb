package io.verbatim.pipeline.internal;

import io.verbatim.pipeline.StageHandler;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The stages in order. "received" comes before all of them. */
@Component
class StageGraph {

    static final String RECEIVED = "received";
    private final List<StageHandler> stages;

    StageGraph(List<StageHandler> handlers) {
        this.stages = handlers.stream().sorted(Comparator.comparingInt(StageHandler::order)).toList();
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).order() == stages.get(i - 1).order() || stages.get(i).stage().equals(stages.get(i - 1).stage())) {
                throw new IllegalStateException("Two pipeline stages share a position: " + stages.get(i).stage());
            }
        }
    }

    List<StageHandler> all() {
        return stages;
    }

    Optional<StageHandler> byName(String name) {
        return stages.stream().filter(s -> s.stage().equals(name)).findFirst();
    }

    /** The stage after {@code completed} ("received" or a stage name); empty when the pipeline is done. */
    Optional<StageHandler> after(String completed) {
        int order = position(completed);
        return stages.stream().filter(s -> s.order() > order).findFirst();
    }

    boolean isLast(StageHandler stage) {
        return stages.getLast() == stage;
    }

    /** How far a conversation whose last completed stage is {@code name} has come. */
    int position(String name) {
        if (RECEIVED.equals(name)) {
            return Integer.MIN_VALUE;
        }
        return byName(name).map(StageHandler::order).orElse(Integer.MIN_VALUE);
    }
}
