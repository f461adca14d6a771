#!/usr/bin/env bash
# 决策表命令：检查、部署、回滚（不启动应用）。Decision tables: check, deploy, roll back (without starting the app).
#
#   scripts/decisions.sh check    [--tenant T] [--dir decisions]
#   scripts/decisions.sh deploy   --tenant T [--url http://localhost:8080/engine-rest] [--user U --password P]
#   scripts/decisions.sh rollback --tenant T --key K [--url …] [--user U --password P]
#
# 也可用环境变量 ENGINE_REST_URL、ENGINE_USER、ENGINE_PASSWORD。详见 docs/decision-tables.md。
# --dir 默认是当前目录下的 decisions/，没有时用本项目的 decisions/。
# --dir defaults to ./decisions, else this project's decisions/; the jar is built once if it is missing.
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"
jar="${DECISIONS_JAR:-$project/target/fault-accountability.jar}"
if [ ! -f "$jar" ]; then
  echo "构建程序包 $jar …（只需一次）" >&2
  (cd "$project" && ./mvnw -q -DskipTests package)
fi
args=("$@")
case "${1:-}" in
  check|deploy)
    if [[ " $* " != *" --dir "* && " $* " != *" --dir="* && ! -d decisions ]]; then
      args+=(--dir "$project/decisions")
    fi
    ;;
esac
exec java -jar "$jar" decisions "${args[@]}"
