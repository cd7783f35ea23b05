package io.accords.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.history.History;
import io.accords.http.MergePatch;
import io.accords.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;

/** The shared services every {@link RecordService} uses, injected as one. */
@ApplicationScoped
public class RecordPlumbing {

    private final Callers callers;
    private final History history;
    private final MergePatch mergePatch;
    private final ObjectMapper json;

    RecordPlumbing(Callers callers, History history, MergePatch mergePatch, ObjectMapper json) {
        this.json = json;
        this.callers = callers;
        this.history = history;
        this.mergePatch = mergePatch;
    }

    public Callers callers() {
        return callers;
    }

    public History history() {
        return history;
    }

    public ObjectMapper json() {
        return json;
    }

    public MergePatch mergePatch() {
        return mergePatch;
    }
}
