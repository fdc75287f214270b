#!/usr/bin/env bash
# Times rolo's command line against the stock sqlite3 CLI running the
# comparable query on the same file (process start included for both),
# with hyperfine:
#   contact list --search mar --limit 50 --json  vs  an FTS5 prefix query
#     ordered by name with limit 50
#   deal list --stage Proposal --json  vs  the Proposal deals with their
#     account names in board order, as JSON
# Usage: scripts/bench-cli.sh [DB]   (default: a fresh large demo database)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/rolo" .
db=${1:-}
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" ROLO_USER_NAME="Bench User"
if [ -z "$db" ]; then
  db="$work/large.db"
  /usr/bin/time -f "demo --size large: %e s wall, %M KB max RSS" "$work/rolo" --db "$db" demo --size large
fi
q="mar"
sql="SELECT c.id, c.first_name, c.last_name, c.email, c.phone FROM contacts c
     WHERE c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH '\"$q\"*')
     ORDER BY c.sort_name, c.id LIMIT 50;"
hyperfine -N --warmup 5 --runs 50 \
  -n "sqlite3 FTS5 prefix '$q' order by name limit 50" "sqlite3 -json $db \"$sql\"" \
  -n "rolo contact list --search $q --limit 50 --json" "$work/rolo --db $db contact list --search $q --limit 50 --json"

sql="SELECT d.id, d.title, d.amount, d.currency, d.stage, d.status, a.name AS account_name, d.close_date
     FROM deals d LEFT JOIN accounts a ON a.id = d.account_id
     WHERE d.pipeline = 'new-business' AND d.stage = 'proposal' AND d.archived_at IS NULL
     ORDER BY d.board_key, d.id;"
hyperfine -N --warmup 3 --runs 20 \
  -n "sqlite3 Proposal deals as JSON" "sqlite3 -json $db \"$sql\"" \
  -n "rolo deal list --stage Proposal --json" "$work/rolo --db $db deal list --stage Proposal --json"
