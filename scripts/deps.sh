# Installs the Debian packages Vigil needs when any is missing. Sourced by demo.sh and test.sh.
vigil_packages="libsqlite3-dev libedit-dev zlib1g-dev graphviz tmux sqlite3"
missing=""
for p in $vigil_packages; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
