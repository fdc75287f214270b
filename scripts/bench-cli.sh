#!/usr/bin/env bash
# Times rolo's command line against the stock sqlite3 CLI running the
# comparable query on the same file (process start included for both),
# with hyperfine:
#   contact list --search mar --limit 50 --json  vs  an FTS5 prefix query
#     ordered by name with limit 50
#   deal list --stage Proposal --json  vs  the Proposal deals with their
#     account names in board order, as JSON (and with every field rolo prints)
#   task list --overdue --json  vs  the open tasks due before now with their
#     contact and account names, by due time, as JSON
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

sql="SELECT d.id, d.title, d.account_id, a.name AS account_name, d.contact_id,
     trim(c.first_name || ' ' || c.last_name) AS contact_name, d.pipeline, d.stage, d.amount, d.currency,
     d.probability, d.close_date, d.owner_id, u.name AS owner, d.status, d.lost_reason, d.closed_at,
     d.stage_entered_at, d.notes, d.created_at, d.updated_at, d.archived_at, d.version
     FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN contacts c ON c.id = d.contact_id
     LEFT JOIN users u ON u.id = d.owner_id
     WHERE d.pipeline = 'new-business' AND d.stage = 'proposal' AND d.archived_at IS NULL
     ORDER BY d.board_key, d.id;"
hyperfine -N --warmup 3 --runs 20 \
  -n "sqlite3 Proposal deals with every field as JSON" "sqlite3 -json $db \"$sql\""

now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
sql="SELECT t.id, t.kind, t.subject, t.body, t.at, t.all_day, t.done, t.done_at, t.duration, t.outcome,
     t.contact_id, trim(c.first_name || ' ' || c.last_name) AS contact_name, t.account_id, a.name AS account_name,
     t.deal_id, d.title AS deal_title, t.owner_id, u.name AS owner, t.created_at, t.updated_at, t.version
     FROM activities t LEFT JOIN contacts c ON c.id = t.contact_id LEFT JOIN accounts a ON a.id = t.account_id
     LEFT JOIN deals d ON d.id = t.deal_id LEFT JOIN users u ON u.id = t.owner_id
     WHERE t.kind = 'task' AND t.done = 0 AND t.archived_at IS NULL AND t.at < '$now'
     ORDER BY t.at, t.id;"
hyperfine -N --warmup 3 --runs 20 \
  -n "sqlite3 overdue tasks as JSON" "sqlite3 -json $db \"$sql\"" \
  -n "rolo task list --overdue --json" "$work/rolo --db $db task list --overdue --json"
