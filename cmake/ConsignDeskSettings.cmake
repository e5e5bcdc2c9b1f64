# The build settings every target of the project shares (one place, as in
# ownCloud's OCApplyCommonSettings). Call it on each library and program.
function(consigndesk_apply_common_settings target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_FOREACH
        QT_USE_QSTRINGBUILDER
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        QT_MESSAGELOGCONTEXT)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Werror -Werror=switch)
endfunction()

# A static library for one layer of DESIGN.md, named consigndesk_<layer>.
function(consigndesk_add_layer layer)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    set(target consigndesk_${layer})
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(ConsignDesk::${layer} ALIAS ${target})
    target_include_directories(${target} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/..")
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    consigndesk_apply_common_settings(${target})
endfunction()
