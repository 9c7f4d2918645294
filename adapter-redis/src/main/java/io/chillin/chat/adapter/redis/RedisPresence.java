package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.port.out.Member;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence shared by every instance. Each instance renews a short-lived "alive" key; a sweep by any
 * instance forgets the connections of instances whose key expired, so the users of a crashed instance
 * leave every room within the alive TTL plus one sweep interval. Every change is one Lua script, atomic
 * across the cluster, so a display name belongs to one identity per room however many instances race.
 */
public final class RedisPresence implements Presence, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPresence.class);

    // Per room: names (zset nameKey -> arrival), holders (hash nameKey -> identityKey TAB name),
    // conns (hash connId -> nameKey), counts (hash nameKey -> open connections). Per instance: a set of
    // "roomKey TAB roomName TAB connId" entries, and its alive key.
    private static final LuaScript ENTER = new LuaScript("""
            local names, holders, conns, counts, mine, seq = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
            local nameKey, identityKey, name, connId, entry = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
            local holder = redis.call('HGET', holders, nameKey)
            if holder then
              local holderKey = string.sub(holder, 1, string.find(holder, '\\t', 1, true) - 1)
              if holderKey ~= identityKey then return 'NAME_TAKEN' end
              if redis.call('HSETNX', conns, connId, nameKey) == 1 then
                redis.call('HINCRBY', counts, nameKey, 1)
                redis.call('SADD', mine, entry)
              end
              return 'ANOTHER_CONNECTION'
            end
            redis.call('HSET', holders, nameKey, identityKey .. '\\t' .. name)
            redis.call('ZADD', names, redis.call('INCR', seq), nameKey)
            redis.call('HSET', conns, connId, nameKey)
            redis.call('HSET', counts, nameKey, 1)
            redis.call('SADD', mine, entry)
            return 'FIRST_CONNECTION'
            """);

    /** Returns the departed member's holder value ("identityKey TAB name"), "OTHER", or "NONE". */
    private static final String EXIT_BODY = """
            local function exit(names, holders, conns, counts, connId)
              local nameKey = redis.call('HGET', conns, connId)
              if not nameKey then return 'NONE' end
              redis.call('HDEL', conns, connId)
              if redis.call('HINCRBY', counts, nameKey, -1) > 0 then return 'OTHER' end
              local holder = redis.call('HGET', holders, nameKey)
              redis.call('HDEL', counts, nameKey)
              redis.call('HDEL', holders, nameKey)
              redis.call('ZREM', names, nameKey)
              return holder or 'NONE'
            end
            """;

    private static final LuaScript EXIT = new LuaScript(EXIT_BODY + """
            redis.call('SREM', KEYS[5], ARGV[2])
            return exit(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1])
            """);

    /** Forgets every connection of a dead instance; returns roomName, holder pairs of those who left. */
    private static final LuaScript FORGET_INSTANCE = new LuaScript(EXIT_BODY + """
            local prefix, deadSet, instances, deadId = ARGV[1], KEYS[1], KEYS[2], ARGV[2]
            local gone = {}
            local entries = redis.call('SMEMBERS', deadSet)
            for _, entry in ipairs(entries) do
              local first = string.find(entry, '\\t', 1, true)
              local second = string.find(entry, '\\t', first + 1, true)
              local roomKey = string.sub(entry, 1, first - 1)
              local roomName = string.sub(entry, first + 1, second - 1)
              local connId = string.sub(entry, second + 1)
              local base = prefix .. ':presence:room:' .. roomKey
              local result = exit(base .. ':names', base .. ':holders', base .. ':conns', base .. ':counts', connId)
              if result ~= 'NONE' and result ~= 'OTHER' then
                table.insert(gone, roomName)
                table.insert(gone, result)
              end
            end
            redis.call('DEL', deadSet)
            redis.call('SREM', instances, deadId)
            return gone
            """);

    /** Holders in arrival order; HMGET in slices, since unpack() of a whole large room overflows Lua's stack. */
    private static final LuaScript MEMBERS = new LuaScript("""
            local nameKeys = redis.call('ZRANGE', KEYS[1], 0, -1)
            local holders = {}
            for first = 1, #nameKeys, 1000 do
              local last = math.min(first + 999, #nameKeys)
              local slice = redis.call('HMGET', KEYS[2], unpack(nameKeys, first, last))
              for i = 1, #slice do holders[#holders + 1] = slice[i] end
            end
            return holders
            """);

    private final Redis redis;
    private final String prefix;
    private final String instanceId = UUID.randomUUID().toString();
    private final Duration aliveTtl;
    private final ScheduledExecutorService heartbeat;
    /** This instance's own connections, to put back if Redis comes back without its data (a restart without persistence). */
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(RoomName room, Member member, String connectionId) {
    }

    /**
     * @param prefix   the key prefix the {@link Redis} connection was made with
     * @param aliveTtl how long this instance counts as alive after each heartbeat; heartbeats come at a third of it
     */
    public RedisPresence(Redis redis, String prefix, Duration aliveTtl) {
        this.redis = redis;
        this.prefix = prefix;
        this.aliveTtl = aliveTtl;
        beat();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("presence-heartbeat").factory());
        long every = Math.max(50, aliveTtl.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private String roomKey(RoomName room, String part) {
        return redis.key("presence", "room", room.key(), part);
    }

    private String[] roomKeys(RoomName room) {
        return new String[] {roomKey(room, "names"), roomKey(room, "holders"), roomKey(room, "conns"),
                roomKey(room, "counts"), mine(instanceId)};
    }

    private String mine(String instance) {
        return redis.key("presence", "instance", instance, "conns");
    }

    private String alive(String instance) {
        return redis.key("presence", "instance", instance, "alive");
    }

    private static String entry(RoomName room, String connectionId) {
        return room.key() + "\t" + room.value() + "\t" + connectionId;
    }

    @Override
    public Entry enter(RoomName room, Member member, String connectionId) {
        String[] keys = roomKeys(room);
        String[] withSeq = {keys[0], keys[1], keys[2], keys[3], keys[4], roomKey(room, "seq")};
        String result = redis.script(ENTER, ScriptOutputType.VALUE, withSeq, member.name().key(), member.identityKey(),
                member.name().value(), connectionId, entry(room, connectionId));
        Entry entry = Entry.valueOf(result);
        if (entry != Entry.NAME_TAKEN) {
            held.put(entry(room, connectionId), new Held(room, member, connectionId));
        }
        return entry;
    }

    @Override
    public Exit exit(RoomName room, String connectionId) {
        held.remove(entry(room, connectionId));
        String result = redis.script(EXIT, ScriptOutputType.VALUE, roomKeys(room), connectionId, entry(room, connectionId));
        return switch (result) {
            case "NONE" -> Exit.WAS_NOT_PRESENT;
            case "OTHER" -> Exit.OTHER_CONNECTIONS_REMAIN;
            default -> Exit.LAST_CONNECTION;
        };
    }

    @Override
    public boolean isPresent(RoomName room, String connectionId) {
        return redis.call(r -> r.hexists(roomKey(room, "conns"), connectionId));
    }

    @Override
    public List<Member> members(RoomName room) {
        List<String> holders = redis.script(MEMBERS, ScriptOutputType.MULTI,
                new String[] {roomKey(room, "names"), roomKey(room, "holders")});
        return holders.stream().filter(h -> h != null).map(RedisPresence::member).toList();
    }

    @Override
    public int count(RoomName room) {
        return redis.call(r -> r.zcard(roomKey(room, "names"))).intValue();
    }

    /** KEYS: the rooms' name sets; answers their sizes in the same order. */
    private static final LuaScript COUNTS = new LuaScript("""
            local counts = {}
            for i, key in ipairs(KEYS) do
              counts[i] = redis.call('ZCARD', key)
            end
            return counts
            """);
    /** Rooms counted per script call: a page of the room list fits in one. */
    private static final int COUNTS_PER_CALL = 500;

    @Override
    public Map<RoomName, Integer> counts(List<RoomName> rooms) {
        Map<RoomName, Integer> counts = new LinkedHashMap<>();
        for (int from = 0; from < rooms.size(); from += COUNTS_PER_CALL) {
            List<RoomName> slice = rooms.subList(from, Math.min(rooms.size(), from + COUNTS_PER_CALL));
            List<Long> sizes = redis.script(COUNTS, ScriptOutputType.MULTI,
                    slice.stream().map(room -> roomKey(room, "names")).toArray(String[]::new));
            for (int i = 0; i < slice.size(); i++) {
                counts.put(slice.get(i), sizes.get(i).intValue());
            }
        }
        return counts;
    }

    @Override
    public List<Departure> sweep() {
        List<Departure> departures = new ArrayList<>();
        for (String instance : redis.call(r -> r.smembers(redis.key("presence", "instances")))) {
            if (instance.equals(instanceId) || redis.call(r -> r.exists(alive(instance))) > 0) {
                continue;
            }
            List<String> gone = redis.script(FORGET_INSTANCE, ScriptOutputType.MULTI,
                    new String[] {mine(instance), redis.key("presence", "instances")}, prefix, instance);
            for (int i = 0; i + 1 < gone.size(); i += 2) {
                departures.add(new Departure(RoomName.of(gone.get(i)), member(gone.get(i + 1))));
            }
            LOG.info("forgot server instance {}: {} member(s) left their rooms", instance, gone.size() / 2);
        }
        return departures;
    }

    private static Member member(String holder) {
        int tab = holder.indexOf('\t');
        return new Member(Username.of(holder.substring(tab + 1)), holder.substring(0, tab));
    }

    private void beat() {
        boolean forgotten = redis.call(r -> {
            r.set(alive(instanceId), "1", io.lettuce.core.SetArgs.Builder.px(aliveTtl.toMillis()));
            r.sadd(redis.key("presence", "instances"), instanceId);
            return !held.isEmpty() && r.exists(mine(instanceId)) == 0;
        });
        if (forgotten) {
            LOG.warn("Redis lost this instance's presence (restarted?); putting back {} connection(s)", held.size());
            for (Held h : List.copyOf(held.values())) {
                enter(h.room(), h.member(), h.connectionId());
            }
        }
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (ChatException.Unavailable e) {
            LOG.warn("presence heartbeat failed: {}", e.getMessage());
        }
    }

    /** Stops the heartbeat; the connections still held are forgotten by the next sweep of another instance. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            redis.call(r -> r.del(alive(instanceId)));
        } catch (ChatException.Unavailable e) {
            LOG.debug("could not drop the alive key on close", e);
        }
    }

    /** For tests: simulate a crash (the heartbeat stops, nothing is cleaned up). */
    void stopHeartbeat() {
        heartbeat.shutdownNow();
    }
}
