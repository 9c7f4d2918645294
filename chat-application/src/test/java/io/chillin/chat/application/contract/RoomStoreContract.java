package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RoomStore} must do. */
public abstract class RoomStoreContract {

    /** A fresh room store, and the message store that keeps its rooms' history. */
    protected abstract Stores newStores();

    public record Stores(RoomStore rooms, MessageStore messages) {
    }

    /** "ѕсоре": all Cyrillic, a whole-script look-alike of "scope". */
    private static final String CYRILLIC_SCOPE = "\u0455\u0441\u043e\u0440\u0435";

    private RoomStore store;
    private MessageStore messages;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUpStore() {
        Stores stores = newStores();
        store = stores.rooms();
        messages = stores.messages();
    }

    private Room room(RoomName name, String hash) {
        return new Room(name, RoomDescription.of("about 😀"), TestNames.user(), hash, now);
    }

    private Room quickJoined(RoomName name) {
        return Room.quickJoined(name, TestNames.user(), now);
    }

    /** Every room a listing gives, page by page from the first: each page after the last key of the one before. */
    private static List<Room> walk(BiFunction<String, Integer, List<Room>> listing, int limit) {
        List<Room> all = new ArrayList<>();
        String after = "";
        while (true) {
            List<Room> page = listing.apply(after, limit);
            assertThat(page).hasSizeLessThanOrEqualTo(limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = page.getLast().name().key();
        }
    }

    private List<RoomName> listed() {
        return walk(store::page, 100).stream().map(Room::name).toList();
    }

    private void storeMessageIn(RoomName room) {
        Username author = TestNames.user();
        messages.append(new NewMessage(room, author, "user:" + author.key(), TempId.of(TestNames.unique("t-")),
                MessageText.of("hello"), now));
    }

    @Test
    void created_room_is_found_ignoring_case_with_every_field() {
        RoomName name = TestNames.room();
        Room room = room(name, "hash");
        store.create(room);
        assertThat(store.find(RoomName.of(name.value().toUpperCase(Locale.ROOT)))).contains(room);
    }

    @Test
    void public_room_has_no_password_hash() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        assertThat(store.find(name).orElseThrow().isPrivate()).isFalse();
    }

    @Test
    void a_name_differing_only_in_case_is_a_conflict() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        assertThatThrownBy(() -> store.create(room(RoomName.of(name.value().toUpperCase(Locale.ROOT)), null)))
                .isInstanceOf(ChatException.Conflict.class);
    }

    @Test
    void a_room_made_by_a_quick_join_is_stored_as_such() {
        RoomName quick = TestNames.room();
        RoomName made = TestNames.room();
        Room quickRoom = quickJoined(quick);
        store.create(quickRoom);
        store.create(room(made, null));
        assertThat(store.find(quick)).contains(quickRoom);
        assertThat(store.find(quick).orElseThrow().quickJoin()).isTrue();
        assertThat(store.find(made).orElseThrow().quickJoin()).isFalse();
        store.updatePasswordHash(quick, "hash");
        assertThat(store.find(quick).orElseThrow().quickJoin()).as("a change keeps the origin").isTrue();
    }

    @Test
    void pages_give_every_room_once_in_the_order_of_their_keys_whatever_the_order_of_creation() {
        String prefix = TestNames.unique("page ");
        List<RoomName> names = new ArrayList<>();
        for (String last : List.of("c", "A", "e", "B", "d")) {
            RoomName name = RoomName.of(prefix + " " + last);
            names.add(name);
            store.create(room(name, null));
        }

        List<RoomName> walked = walk(store::page, 2).stream().map(Room::name).toList();

        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(names::contains)).containsExactly(
                names.get(1), names.get(3), names.get(0), names.get(4), names.get(2));
        assertThat(store.page("", 1)).hasSize(1);
    }

    @Test
    void a_page_after_a_deleted_room_starts_at_the_next_one() {
        String prefix = TestNames.unique("gone ");
        RoomName a = RoomName.of(prefix + " a");
        RoomName b = RoomName.of(prefix + " b");
        RoomName c = RoomName.of(prefix + " c");
        for (RoomName name : List.of(a, b, c)) {
            store.create(room(name, null));
        }
        assertThat(store.page(a.key(), 2)).extracting(Room::name).containsExactly(b, c);

        store.delete(a);
        assertThat(store.page(a.key(), 2)).extracting(Room::name).containsExactly(b, c);
        store.delete(b);
        assertThat(store.page(a.key(), 1)).extracting(Room::name).containsExactly(c);
    }

    /** One room of each kind the expiry tells apart: only {@code disposable} may go. */
    private record ExpiryRooms(RoomName disposable, RoomName quickPrivate, RoomName quickWithHistory, RoomName created) {
    }

    private ExpiryRooms expiryRooms() {
        ExpiryRooms rooms = new ExpiryRooms(TestNames.room(), TestNames.room(), TestNames.room(), TestNames.room());
        store.create(quickJoined(rooms.disposable()));
        store.create(quickJoined(rooms.quickPrivate()));
        store.updatePasswordHash(rooms.quickPrivate(), "hash");
        store.create(quickJoined(rooms.quickWithHistory()));
        storeMessageIn(rooms.quickWithHistory());
        store.create(room(rooms.created(), null));
        return rooms;
    }

    @Test
    void disposable_rooms_are_the_public_quick_joins_without_a_stored_message() {
        ExpiryRooms rooms = expiryRooms();

        List<RoomName> found = walk(store::disposable, 2).stream().map(Room::name).toList();

        assertThat(found).contains(rooms.disposable())
                .doesNotContain(rooms.quickPrivate(), rooms.quickWithHistory(), rooms.created())
                .doesNotHaveDuplicates();
    }

    @Test
    void deleting_if_disposable_deletes_a_disposable_room_once_and_nothing_else() {
        ExpiryRooms rooms = expiryRooms();
        RoomName disposable = rooms.disposable();
        RoomName quickPrivate = rooms.quickPrivate();
        RoomName quickWithHistory = rooms.quickWithHistory();
        RoomName created = rooms.created();

        assertThat(store.deleteIfDisposable(RoomName.of(disposable.value().toUpperCase(Locale.ROOT)))).isTrue();
        assertThat(store.find(disposable)).isEmpty();
        assertThat(listed()).doesNotContain(disposable);
        assertThat(store.deleteIfDisposable(disposable)).as("gone already").isFalse();
        for (RoomName kept : List.of(quickPrivate, quickWithHistory, created)) {
            assertThat(store.deleteIfDisposable(kept)).as(kept.value()).isFalse();
            assertThat(store.find(kept)).as(kept.value()).isPresent();
        }
        assertThat(messages.lastSeq(quickWithHistory)).isEqualTo(1);
        assertThat(store.deleteIfDisposable(TestNames.room())).as("never existed").isFalse();
    }

    @Test
    void password_hash_can_be_set_and_cleared() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        store.updatePasswordHash(name, "secret-hash");
        assertThat(store.find(name).orElseThrow().passwordHash()).isEqualTo("secret-hash");
        store.updatePasswordHash(name, null);
        assertThat(store.find(name).orElseThrow().isPrivate()).isFalse();
    }

    @Test
    void deleted_room_is_gone_and_unlisted() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        store.delete(name);
        assertThat(store.find(name)).isEmpty();
        assertThat(listed()).doesNotContain(name);
        assertThatThrownBy(() -> store.delete(name)).isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void updating_an_unknown_room_is_not_found() {
        assertThatThrownBy(() -> store.updatePasswordHash(TestNames.room(), "x"))
                .isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void a_look_alike_of_an_existing_room_is_a_conflict_naming_it() {
        RoomName scope = RoomName.of("scope room " + TestNames.digits());
        store.create(room(scope, null));
        for (String lookAlike : List.of(scope.value().replace("scope", CYRILLIC_SCOPE), scope.value().replace("o", "0"),
                scope.value().replace("m", "rn").toUpperCase(Locale.ROOT))) {
            assertThatThrownBy(() -> store.create(quickJoined(RoomName.of(lookAlike))))
                    .as(lookAlike).isInstanceOf(ChatException.Conflict.class).hasMessageContaining(scope.value());
            assertThat(store.find(RoomName.of(lookAlike))).as(lookAlike).isEmpty();
        }
        assertThat(listed()).contains(scope);
    }

    @Test
    void rooms_whose_names_merely_share_letters_are_not_look_alikes() {
        String digits = TestNames.digits();
        List<RoomName> names = List.of("scope room", "scape room", "scope rooms", "room scope", "sc\u00f6pe room")
                .stream().map(name -> RoomName.of(name + " " + digits)).toList();
        names.forEach(name -> store.create(room(name, null)));
        names.forEach(name -> assertThat(store.find(name)).as(name.value()).isPresent());
    }

    @Test
    void the_look_alike_of_a_name_is_the_room_of_the_same_key_or_the_same_skeleton() {
        String digits = TestNames.digits();
        Room scope = room(RoomName.of("Scope Room " + digits), null);
        store.create(scope);
        assertThat(store.findLookAlike(RoomName.of("SCOPE ROOM " + digits))).contains(scope);
        assertThat(store.findLookAlike(RoomName.of(CYRILLIC_SCOPE + " room " + digits))).contains(scope);
        assertThat(store.findLookAlike(RoomName.of("scape room " + digits))).isEmpty();
        assertThat(store.find(RoomName.of(CYRILLIC_SCOPE + " room " + digits))).as("find goes by the name itself")
                .isEmpty();
    }

    @Test
    void a_deleted_room_frees_its_look_alikes() {
        String digits = TestNames.digits();
        RoomName deleted = RoomName.of("scope " + digits);
        RoomName expired = RoomName.of("lobby " + digits);
        store.create(room(deleted, null));
        store.create(quickJoined(expired));
        store.delete(deleted);
        assertThat(store.deleteIfDisposable(expired)).isTrue();

        RoomName cyrillic = RoomName.of(CYRILLIC_SCOPE + " " + digits);
        RoomName digitOne = RoomName.of("1obby " + digits);
        store.create(room(cyrillic, null));
        store.create(room(digitOne, null));
        assertThat(store.findLookAlike(deleted).orElseThrow().name()).isEqualTo(cyrillic);
        assertThat(store.findLookAlike(expired).orElseThrow().name()).isEqualTo(digitOne);
    }
}
