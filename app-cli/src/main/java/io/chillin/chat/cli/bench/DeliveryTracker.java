package io.chillin.chat.cli.bench;

import java.util.BitSet;

/** What one receiver got of its room: each seq once, in increasing order, or else counted as duplicate or out of order. */
final class DeliveryTracker {

    enum Outcome { NEW, NEW_OUT_OF_ORDER, DUPLICATE }

    private final BitSet seen = new BitSet();
    private long highest;
    private long duplicates;
    private long outOfOrder;

    synchronized Outcome see(long seq) {
        int index = Math.toIntExact(seq);
        if (seen.get(index)) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        seen.set(index);
        if (seq < highest) {
            outOfOrder++;
            return Outcome.NEW_OUT_OF_ORDER;
        }
        highest = seq;
        return Outcome.NEW;
    }

    synchronized long unique() {
        return seen.cardinality();
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long outOfOrder() {
        return outOfOrder;
    }
}
