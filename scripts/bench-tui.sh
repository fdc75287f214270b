#!/usr/bin/env bash
# Starts the built binary in tmux at 160x45 on a large demo database and
# reports how long the first screen with data takes to appear (from
# launch, polling the pane every few ms) for the contacts, the pipeline,
# the activities and the dashboard, and the process's resident memory after scrolling
# and searching the contacts.
# Usage: scripts/bench-tui.sh [DB] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "needs tmux"; exit 1; }
work=$(mktemp -d)
trap 'tmux kill-session -t rolo-bench 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/rolo" .
db=${1:-}
runs=${2:-10}
if [ -z "$db" ]; then
  db="$work/large.db"
  ROLO_USER_NAME="Bench User" "$work/rolo" --db "$db" demo --size large
fi
# view, and what on screen shows its data has arrived
for spec in "contacts:▌" "pipeline: of " "activities:▌" "dashboard:Activity, last 4 weeks"; do
view=${spec%%:*}
want=${spec#*:}
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  tmux new-session -d -s rolo-bench -x 160 -y 45 "env ROLO_USER_NAME='Bench User' ROLO_UI_START_VIEW=$view $work/rolo --db $db"
  deadline=$(( $(date +%s) + 20 ))
  until tmux capture-pane -p -t rolo-bench 2>/dev/null | grep -qF "$want"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$view never showed '$want'"; tmux capture-pane -p -t rolo-bench; exit 1; }
    sleep 0.002
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  if [ "$i" -eq "$runs" ] && [ "$view" = contacts ]; then
    pid=$(tmux list-panes -t rolo-bench -F '#{pane_pid}')
    for k in G g; do tmux send-keys -t rolo-bench "$k"; sleep 0.3; done
    for _ in $(seq 50); do tmux send-keys -t rolo-bench C-d; done; sleep 0.5
    tmux send-keys -t rolo-bench -l "/mar"; sleep 0.5; tmux send-keys -t rolo-bench Enter Enter; sleep 0.5
    grep -E 'VmRSS|VmHWM' "/proc/$pid/status"
  fi
  tmux kill-session -t rolo-bench
done
printf '%s: first screen with data (ms): %s\n' "$view" "${times[*]}"
printf '%s\n' "${times[@]}" | sort -n | awk -v v="$view" '{a[NR]=$1} END {print v ": median " a[int((NR+1)/2)] " ms, max " a[NR] " ms"}'
done
