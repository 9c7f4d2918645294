package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.PresenceContract;
import io.chillin.chat.application.port.out.Presence;

class LocalPresenceTest extends PresenceContract {

    @Override
    protected Presence newPresence() {
        return new LocalPresence();
    }
}
