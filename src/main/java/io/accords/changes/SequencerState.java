package io.accords.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row the sequencer locks while it gives positions: the last it gave, and the cursors' key. */
@Entity
@Table(name = "change_sequencer")
class SequencerState {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    @Column(name = "cursor_key", length = 64)
    private String cursorKey;

    protected SequencerState() {
        // for JPA
    }

    long lastPosition() {
        return lastPosition;
    }

    void advanceTo(long position) {
        this.lastPosition = position;
    }

    String cursorKey() {
        return cursorKey;
    }

    void keyWith(String key) {
        this.cursorKey = key;
    }
}
