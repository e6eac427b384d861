# Sourced by every scripts/screenshots-*.sh after `cd` to the repository: their one copy of the set-up under Xvfb
# and of the xdotool helpers.
#   shot_begin NAME DISPLAY   the work folder /tmp/qingting-NAME-shots.XXXXXX ($work) with HOME in it, DISPLAY
#                             (QINGTING_SHOT_DISPLAY or the script's default), refused when another X server already
#                             holds it (one run once typed a login into another session's app), and $build
#                             (QINGTING_BUILD_DIR or build/dev), $cli, $db
#   shot_xvfb [GEOMETRY]      starts Xvfb (default 1280x800) and kills it and $app on exit
#   shot_login USER PASSWORD [WAIT]
#                             starts $build/app/qingting on $db in $lang (QINGTING_SHOT_LANG or zh_CN) as $app, logs in
#                             (the login dialog is centred on the empty screen), waits WAIT seconds (default 5) and puts
#                             the main window at 0,0, 1280x800
#   click X Y [PAUSE], paste_text TEXT, top, dialog (DX DY DW DH of the topmost window), snap_dialog FILE

shot_begin() {
    work=$(mktemp -d "/tmp/qingting-$1-shots.XXXXXX")
    local display=${QINGTING_SHOT_DISPLAY:-$2}
    if [ -e "/tmp/.X$display-lock" ]; then # never drive another session's screen
        echo "display :$display is in use; set QINGTING_SHOT_DISPLAY to a free number" >&2
        exit 1
    fi
    export HOME=$work/home DISPLAY=:$display
    mkdir -p "$HOME"
    build=${QINGTING_BUILD_DIR:-build/dev} # another build with the app, e.g. build/release
    cli=$build/app/cli/qingting-cli
    db=$work/s.sqlite
}

shot_xvfb() {
    Xvfb "$DISPLAY" -screen 0 "${1:-1280x800}x24" >/dev/null 2>&1 &
    xvfb=$!
    app=
    trap 'kill $app $xvfb 2>/dev/null || true' EXIT
    sleep 1
}

click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-0.3}"; }
paste_text() { printf '%s' "$1" | xclip -selection clipboard; sleep 0.2; xdotool key ctrl+v; sleep 0.3; }
top() { xdotool search --onlyvisible --name "." | awk 'END { print }'; }
dialog() { eval "$(xdotool getwindowgeometry --shell "$(top)")"; DX=$X; DY=$Y; DW=$WIDTH; DH=$HEIGHT; }
snap_dialog() { dialog; import -window root -crop "${DW}x${DH}+${DX}+${DY}" +repage "$1"; }

shot_login() {
    local lang=${QINGTING_SHOT_LANG:-zh_CN} main
    LANGUAGE=$lang LANG=$lang.UTF-8 LC_ALL=$lang.UTF-8 "$build/app/qingting" --db "$db" >>"$work/app.log" 2>&1 &
    app=$!
    sleep 5
    click 667 339 0.2; xdotool key ctrl+a
    xdotool type "$1"; xdotool key Tab; xdotool type "$2"; xdotool key Return; sleep "${3:-5}"
    main=$(xdotool search --onlyvisible --name "." | awk 'NR == 1')
    xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1
}
