#!/usr/bin/env bash
# Starts the cluster topology on this machine without Docker: N server instances on loopback ports
# sharing PostgreSQL, Redis and a blob folder, with nginx in front. Used by the cluster tests and by
# anybody trying a cluster locally.
#
#   deploy/local-cluster.sh up [-n INSTANCES] [-p NGINX_PORT] [-b FIRST_PORT] [-d RUN_DIR]
#   deploy/local-cluster.sh kill INDEX [-d RUN_DIR]     # kill -9 one instance, as a crash would
#   deploy/local-cluster.sh start INDEX [-d RUN_DIR]    # start that instance again
#   deploy/local-cluster.sh status [-d RUN_DIR]
#   deploy/local-cluster.sh down [-d RUN_DIR]
#
# Backends come from the usual variables (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, REDIS_URL,
# S3_* ...); unset, they default to PostgreSQL and Redis on 127.0.0.1 and a blob folder in RUN_DIR.
# The server jar is app-server/target/chillin-server.jar (build it with ./mvnw -DskipTests package)
# unless CHILLIN_JAR names another.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
command="${1:-}"; shift || true
index=""
if [[ "$command" == kill || "$command" == start ]]; then index="${1:?usage: $0 $command INDEX}"; shift; fi

instances=3; nginx_port=8080; first_port=8081; run_dir="${TMPDIR:-/tmp}/chillin-cluster"
while getopts "n:p:b:d:" opt; do
  case "$opt" in
    n) instances="$OPTARG" ;; p) nginx_port="$OPTARG" ;; b) first_port="$OPTARG" ;; d) run_dir="$OPTARG" ;;
    *) echo "usage: see the top of $0" >&2; exit 2 ;;
  esac
done

die() { echo "local-cluster: $*" >&2; exit 1; }

find_java() { # the JDK search shared with ./mvnw (.mvn/pick-jdk.sh)
  # shellcheck disable=SC1091
  . "$root/.mvn/pick-jdk.sh"
  chillin_pick_jdk java local-cluster || exit 1
  echo "$JAVA_HOME/bin/java"
}

wait_for_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    (( SECONDS < deadline )) || return 1
    sleep 0.2
  done
}

start_instance() { # index
  local i="$1" port=$((first_port + $1 - 1))
  # shellcheck disable=SC1091
  source "$run_dir/cluster.env"
  PORT="$port" HOST=127.0.0.1 nohup "$JAVA" -Xmx256m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -jar "$JAR" >"$run_dir/instance-$i.log" 2>&1 &
  echo $! >"$run_dir/instance-$i.pid"
  wait_for_http "http://127.0.0.1:$port/health/ready" 60 || die "instance $i did not become ready (see $run_dir/instance-$i.log)"
  echo "instance $i ready on http://127.0.0.1:$port (pid $(cat "$run_dir/instance-$i.pid"))"
}

write_nginx_conf() {
  local servers="" i
  for ((i = 1; i <= instances; i++)); do
    servers+="        server 127.0.0.1:$((first_port + i - 1)) max_fails=1 fail_timeout=3s;"$'\n'
  done
  mkdir -p "$run_dir/nginx"
  cat >"$run_dir/nginx.conf" <<CONF
worker_processes 1;
pid $run_dir/nginx.pid;
error_log $run_dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $run_dir/nginx/body;
    proxy_temp_path $run_dir/nginx/proxy;
    fastcgi_temp_path $run_dir/nginx/fastcgi;
    uwsgi_temp_path $run_dir/nginx/uwsgi;
    scgi_temp_path $run_dir/nginx/scgi;
    # Each WebSocket stays on its instance for its life; new connections go to the least busy one,
    # which spreads clients that all come from 127.0.0.1 (ip_hash would send them all to one).
    upstream chillin {
        least_conn;
$servers    }
    map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
    server {
        listen 127.0.0.1:$nginx_port;
        location /ws {
            proxy_pass http://chillin;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
            proxy_next_upstream error timeout;
        }
        location / {
            proxy_pass http://chillin;
            proxy_http_version 1.1;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_next_upstream error timeout http_502 http_503;
        }
    }
}
CONF
}

case "$command" in
  up)
    command -v nginx >/dev/null || die "needs nginx (apt-get install nginx-light)"
    JAR="${CHILLIN_JAR:-$root/app-server/target/chillin-server.jar}"
    [[ -f "$JAR" ]] || die "no server jar at $JAR: run ./mvnw -DskipTests package first"
    JAVA="$(find_java)"
    mkdir -p "$run_dir/blobs"
    {
      printf 'export JAVA=%q JAR=%q\n' "$JAVA" "$JAR"
      printf 'export DB_HOST=%q DB_PORT=%q DB_NAME=%q DB_USER=%q DB_PASSWORD=%q\n' "${DB_HOST:-127.0.0.1}" \
        "${DB_PORT:-5432}" "${DB_NAME:-chillin_chatroom}" "${DB_USER:-postgres}" "${DB_PASSWORD:-}"
      printf 'export REDIS_URL=%q CHAT_REDIS_PREFIX=%q CHAT_BLOB_DIR=%q CHAT_TRUSTED_PROXIES=127.0.0.1/32\n' \
        "${REDIS_URL:-redis://127.0.0.1:6379}" "${CHAT_REDIS_PREFIX:-chillin}" "${CHAT_BLOB_DIR:-$run_dir/blobs}"
      printf 'export CLIENT_ORIGIN=%q\n' "${CLIENT_ORIGIN:-http://127.0.0.1:$nginx_port,http://localhost:$nginx_port}"
      # every other CHAT_* setting (limits, exemptions, ...) and the S3 ones pass on as they are
      for var in $(compgen -v | grep -E '^(CHAT_|S3_)|^USE_MINIO$|^MINIO_ENDPOINT$' \
                   | grep -v -x -E 'CHAT_REDIS_PREFIX|CHAT_BLOB_DIR|CHAT_TRUSTED_PROXIES|CHAT_TRUST_PROXY'); do
        [[ -n "${!var:-}" ]] && printf 'export %s=%q\n' "$var" "${!var}"
      done
      printf 'instances=%q nginx_port=%q first_port=%q\n' "$instances" "$nginx_port" "$first_port"
    } >"$run_dir/cluster.env"
    for ((i = 1; i <= instances; i++)); do start_instance "$i"; done
    write_nginx_conf
    nginx -p "$run_dir" -c "$run_dir/nginx.conf"
    wait_for_http "http://127.0.0.1:$nginx_port/health" 10 || die "nginx did not come up (see $run_dir/nginx-error.log)"
    echo "cluster of $instances up behind http://127.0.0.1:$nginx_port (run dir $run_dir)"
    ;;
  kill)
    pid="$(cat "$run_dir/instance-$index.pid")"
    kill -9 "$pid" && echo "killed instance $index (pid $pid)"
    ;;
  start)
    # shellcheck disable=SC1091
    source "$run_dir/cluster.env"
    start_instance "$index"
    ;;
  status)
    # shellcheck disable=SC1091
    source "$run_dir/cluster.env"
    for ((i = 1; i <= instances; i++)); do
      port=$((first_port + i - 1))
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then s=ready; else s=down; fi
      echo "instance $i http://127.0.0.1:$port $s"
    done
    ;;
  down)
    [[ -f "$run_dir/nginx.pid" ]] && nginx -p "$run_dir" -c "$run_dir/nginx.conf" -s stop 2>/dev/null || true
    for pidfile in "$run_dir"/instance-*.pid; do
      [[ -f "$pidfile" ]] || continue
      kill "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile"
    done
    echo "cluster down"
    ;;
  *)
    sed -n '2,16p' "$0" >&2
    exit 2
    ;;
esac
