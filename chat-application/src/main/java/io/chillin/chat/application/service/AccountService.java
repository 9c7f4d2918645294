package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.AuthResult;
import io.chillin.chat.application.port.in.AuthenticateUseCase;
import io.chillin.chat.application.port.in.EnterAsGuestUseCase;
import io.chillin.chat.application.port.in.LogInCommand;
import io.chillin.chat.application.port.in.LogInUseCase;
import io.chillin.chat.application.port.in.LogOutUseCase;
import io.chillin.chat.application.port.in.RegisterCommand;
import io.chillin.chat.application.port.in.RegisterUseCase;
import io.chillin.chat.application.port.in.UserView;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.PasswordPolicy;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Accounts and sessions: register, log in, guests, log out, and token checks. */
public final class AccountService
        implements RegisterUseCase, LogInUseCase, EnterAsGuestUseCase, LogOutUseCase, AuthenticateUseCase {

    private static final Logger LOG = System.getLogger(AccountService.class.getName());
    private static final String BAD_LOGIN = "wrong username or password";

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final RateLimiter registrations;
    private final GuessThrottle logins;
    private final PasswordPolicy policy;
    private final Duration sessionTtl;
    private final Duration guestLifetime;
    private final Clock clock;
    /** Verified against when the user does not exist, so a miss costs as much time as a wrong password. */
    private final String decoyHash;
    private final AvatarService avatars;
    private final UsageGuard usage;
    private final AccountRules accountRules;

    /** {@code registrations} counts every registration per address; {@code logins} only failed logins. */
    public AccountService(UserStore users, SessionStore sessions, PasswordHasher hasher, RateLimiter registrations,
                          GuessThrottle logins, PasswordPolicy policy, Duration sessionTtl, Duration guestLifetime,
                          Clock clock, AvatarService avatars, UsageGuard usage) {
        this.guestLifetime = guestLifetime;
        this.usage = usage;
        this.avatars = avatars;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.registrations = registrations;
        this.logins = logins;
        this.policy = policy;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
        this.decoyHash = hasher.hash(SessionTokens.randomId(16));
        this.accountRules = new AccountRules(users, hasher, policy, avatars, clock);
    }

    @Override
    public AuthResult register(RegisterCommand command, String clientAddress) {
        AccountRules.Candidate candidate = accountRules.check(command.username(), command.password(), command.email());
        Username username = candidate.username();
        if (!usage.exempt(clientAddress)) {
            throttle("register-address:" + clientAddress);
        }
        User user = accountRules.create(candidate);
        try {
            AuthResult result = openSession(Identity.registered(username), view(user));
            accountRules.storeAvatar(username);
            return result;
        } catch (RuntimeException e) {
            undoRegistration(username, e);
            throw e;
        }
    }

    /**
     * Takes back an account whose registration failed after its row was written, so the caller's error is the
     * whole story and a retry starts from nothing (not from a CONFLICT with an account nobody got a token for).
     */
    private void undoRegistration(Username username, RuntimeException cause) {
        try {
            sessions.deleteAllOf(Identity.registered(username).key());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not end the sessions of the failed registration of " + username, e);
        }
        try {
            users.delete(username);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not take back the failed registration of " + username
                    + " (failed with: " + cause + ")", e);
        }
    }

    @Override
    public AuthResult logIn(LogInCommand command, String clientAddress) {
        String password = command.password() == null ? "" : command.password();
        Optional<Username> name = parseQuietly(command.username());
        User found;
        try (GuessThrottle.Guess guess = logins.guess(name.map(Username::key).orElse(""), clientAddress)) {
            Optional<User> user = name.flatMap(users::find);
            // A missing user is checked against the decoy, so that it costs as much time as a wrong password.
            if (!hasher.verify(password, user.map(User::passwordHash).orElse(decoyHash)) || user.isEmpty()) {
                guess.wrong();
                throw new ChatException.Unauthorized(BAD_LOGIN);
            }
            found = user.get();
        }
        if (hasher.needsRehash(found.passwordHash())) {
            try {
                users.updatePasswordHash(found.username(), hasher.hash(password));
            } catch (ChatException.RateLimited busy) {
                // The hasher is busy: the password was right, the upgrade waits for the next login.
            }
        }
        return openSession(Identity.registered(found.username()), view(found));
    }

    @Override
    public AuthResult enterAsGuest(String name, String clientAddress) {
        Username username = Username.of(name, "name");
        LookAlikes.refuse(username.value(), "name");
        GuestNames.refuseRegistered(users, username, "pick another name");
        usage.guestToken(clientAddress);
        Identity identity = Identity.guest(username, SessionTokens.randomId(12));
        String token = SessionTokens.newToken();
        Session session = newSession(token, identity);
        sessions.save(session);
        return new AuthResult(guestView(session), token);
    }

    @Override
    public void logOut(String token) {
        if (token != null && !token.isBlank()) {
            sessions.delete(SessionTokens.hash(token));
        }
    }

    @Override
    public Identity authenticate(String token) {
        return session(token).identity();
    }

    /** The live session of a token, its expiry slid forward. */
    Session session(String token) {
        if (token == null || token.isBlank()) {
            throw new ChatException.Unauthorized("a token is required");
        }
        String hash = SessionTokens.hash(token);
        Session session = sessions.find(hash)
                .orElseThrow(() -> new ChatException.Unauthorized("unknown or expired token"));
        if (!session.expiresAt().isAfter(clock.instant())) {
            sessions.delete(hash);
            throw new ChatException.Unauthorized("unknown or expired token");
        }
        return session.expiringAt(slide(session));
    }

    /**
     * Slides a session's expiry to a full lifetime from now, but writes at most about once a minute per session; a
     * guest's never past its absolute lifetime. Returns the expiry now in force.
     */
    Instant slide(Session session) {
        Instant renewed = limitedForGuests(session, clock.instant().plus(sessionTtl));
        if (Duration.between(session.expiresAt(), renewed).compareTo(Duration.ofMinutes(1)) <= 0) {
            return session.expiresAt();
        }
        sessions.extend(session.tokenHash(), renewed);
        return renewed;
    }

    /** Whether {@link #slide} would move an expiry: cheap, for the check on every frame of a socket. */
    boolean slideDue(Instant expiresAt) {
        return Duration.between(expiresAt, clock.instant().plus(sessionTtl)).compareTo(Duration.ofMinutes(1)) > 0;
    }

    /** A guest has no account to come back to: its session ends for good {@code guestLifetime} after it began. */
    private Instant limitedForGuests(Session session, Instant expiry) {
        if (!session.identity().guest()) {
            return expiry;
        }
        Instant end = session.createdAt().plus(guestLifetime);
        return expiry.isAfter(end) ? end : expiry;
    }

    @Override
    public UserView me(String token) {
        Session session = session(token);
        Identity identity = session.identity();
        if (identity.guest()) {
            return guestView(session);
        }
        return users.find(identity.name()).map(AccountService::view)
                .orElseThrow(() -> new ChatException.Unauthorized("this account no longer exists"));
    }

    private AuthResult openSession(Identity identity, UserView user) {
        String token = SessionTokens.newToken();
        sessions.save(newSession(token, identity));
        return new AuthResult(user, token);
    }

    private Session newSession(String token, Identity identity) {
        Instant now = clock.instant();
        Session session = new Session(SessionTokens.hash(token), identity, now, now.plus(sessionTtl));
        return session.expiringAt(limitedForGuests(session, session.expiresAt()));
    }

    /** A guest has no account row: it is seen as created when its token was made. */
    private static UserView guestView(Session session) {
        return new UserView(session.identity().name(), true, session.createdAt());
    }

    private void throttle(String key) {
        registrations.tryAcquire(key).ifPresent(wait -> {
            throw new ChatException.RateLimited("too many attempts; try again later", wait);
        });
    }

    private static Optional<Username> parseQuietly(String raw) {
        try {
            return Optional.of(Username.of(raw));
        } catch (ChatException.Invalid e) {
            return Optional.empty();
        }
    }

    private static UserView view(User user) {
        return new UserView(user.username(), false, user.createdAt());
    }
}
