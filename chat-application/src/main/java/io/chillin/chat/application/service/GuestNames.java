package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.util.Optional;

/** Accounts own their names: a guest may take neither a registered user's name nor one that could pass for it. */
final class GuestNames {

    private GuestNames() {
    }

    /**
     * Refuses a guest name that an account holds, or that looks like an account's name (the same skeleton).
     *
     * @throws ChatException.NameTaken saying which, followed by {@code advice}
     */
    static void refuseRegistered(UserStore users, Username name, String advice) {
        Optional<User> holder = users.findLookAlike(name);
        if (holder.isPresent()) {
            Username registered = holder.get().username();
            String held = registered.sameAs(name) ? "belongs to a registered user"
                    : "looks like the registered user '" + registered + "'";
            throw new ChatException.NameTaken("'" + name + "' " + held + "; " + advice);
        }
    }
}
