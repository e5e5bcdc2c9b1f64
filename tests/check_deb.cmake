# Builds the Debian package with CPack and checks that it installs the program,
# its desktop entry, its AppStream metadata and its scalable icon.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND cpack -G DEB -B "${WORK_DIR}" --config "${BUILD_DIR}/CPackConfig.cmake"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed: ${out}${err}")
endif()
file(GLOB debs "${WORK_DIR}/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${WORK_DIR}, found ${count}")
endif()
execute_process(COMMAND dpkg-deb --contents ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
execute_process(COMMAND dpkg-deb --field ${debs} Depends OUTPUT_VARIABLE depends)
foreach(expected
        "./usr/bin/consigndesk"
        "./usr/share/applications/io.github.consigndesk.ConsignDesk.desktop"
        "./usr/share/metainfo/io.github.consigndesk.ConsignDesk.metainfo.xml"
        "./usr/share/icons/hicolor/scalable/apps/io.github.consigndesk.ConsignDesk.svg")
    string(FIND "${contents}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the package lacks ${expected}:\n${contents}")
    endif()
endforeach()
foreach(dependency libqt6widgets6 libqt6sql6-sqlite)
    string(FIND "${depends}" "${dependency}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the package does not depend on ${dependency}: ${depends}")
    endif()
endforeach()
message(STATUS "package ${debs} holds the program and its desktop files")
