# zh_CN is the primary translation and must stay complete (every user-visible string through tr()). Re-scans the
# sources as `update_translations` does, into a copy of the .ts, and fails if any string is new or unfinished.
#   cmake -DLUPDATE=… -DSOURCE_DIR=… -DTS=… -DWORK=… -P translations_complete.cmake
file(MAKE_DIRECTORY "${WORK}")
set(copy "${WORK}/check_zh_CN.ts")
configure_file("${TS}" "${copy}" COPYONLY)
execute_process(
    COMMAND "${LUPDATE}" -silent -no-obsolete -locations none -extensions cpp,h,ui
            "${SOURCE_DIR}/app" "${SOURCE_DIR}/database" "${SOURCE_DIR}/ui" -ts "${copy}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}): ${err}")
endif()
file(READ "${copy}" text)
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${text}")
list(LENGTH unfinished count)
if(count GREATER 0)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*(<comment>[^<]*</comment>[ \n\r\t]*)?<translation type=\"unfinished\""
           missing "${text}")
    list(SUBLIST missing 0 20 shown)
    string(REPLACE ";" "\n" shown "${shown}")
    message(FATAL_ERROR "${count} string(s) lack a zh_CN translation (run the update_translations target, then "
                        "translate translations/qingting_zh_CN.ts):\n${shown}")
endif()
message(STATUS "zh_CN: complete")
