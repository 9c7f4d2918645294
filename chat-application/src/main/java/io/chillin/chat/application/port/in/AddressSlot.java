package io.chillin.chat.application.port.in;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's place in its address's count, taken when its upgrade is accepted (before the client can open
 * another) and handed to the connection when it opens. An upgrade that fails after all gives it back; whichever
 * comes first of the two counts, once.
 */
public final class AddressSlot {

    private final String address;
    private final Runnable giveBack;
    private final AtomicBoolean settled = new AtomicBoolean();

    public AddressSlot(String address, Runnable giveBack) {
        this.address = address;
        this.giveBack = giveBack;
    }

    public String address() {
        return address;
    }

    /** Hands the place to the connection now opening; false when the slot was already given back. */
    public boolean claim() {
        return settled.compareAndSet(false, true);
    }

    /** The connection will not open (its upgrade failed): the address gets its place back. No-op once claimed. */
    public void release() {
        if (settled.compareAndSet(false, true)) {
            giveBack.run();
        }
    }
}
