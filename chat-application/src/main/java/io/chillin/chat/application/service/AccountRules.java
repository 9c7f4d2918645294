package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.user.Email;
import io.chillin.chat.domain.user.PasswordPolicy;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;

/**
 * What makes a new account, for a registration and an admin alike: the name's rules (look-alikes too), the password
 * policy, the email, the hash, the store and the avatar. Checking comes apart from creating so that a registration can
 * throttle in between, before the expensive hash.
 */
final class AccountRules {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AvatarService avatars;
    private final Clock clock;

    AccountRules(UserStore users, PasswordHasher hasher, PasswordPolicy policy, AvatarService avatars, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.avatars = avatars;
        this.clock = clock;
    }

    /** A new account's values, each checked by its rule. */
    record Candidate(Username username, String password, String email) {
    }

    /** @throws io.chillin.chat.domain.ChatException.Invalid naming the field that breaks a rule */
    Candidate check(String username, String password, String email) {
        Username name = Username.of(username);
        LookAlikes.refuse(name.value(), "username");
        return new Candidate(name, policy.check(password, "password"), Email.normalise(email));
    }

    /**
     * Stores the account (the name and its look-alikes must be free) and makes its avatar.
     *
     * @throws io.chillin.chat.domain.ChatException.Conflict naming the holder of the name or of a look-alike
     */
    User create(Candidate candidate) {
        users.findLookAlike(candidate.username()).ifPresent(holder -> {
            throw candidate.username().takenBy(holder.username());
        });
        User user = new User(candidate.username(), hasher.hash(candidate.password()), candidate.email(), now());
        users.create(user);
        return user;
    }

    void storeAvatar(Username username) {
        avatars.storeFor(username);
    }

    private Instant now() {
        return clock.instant();
    }
}
