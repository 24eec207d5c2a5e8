# Every dependency comes from Debian's packages (see scripts/setup.sh).
# Xapian and RapidJSON ship config files that set variables, not targets: wrap them.

find_package(xapian REQUIRED CONFIG)
add_library(tracuu::xapian INTERFACE IMPORTED)
set_target_properties(tracuu::xapian PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")

find_package(RapidJSON REQUIRED CONFIG)
add_library(tracuu::rapidjson INTERFACE IMPORTED)
set_target_properties(tracuu::rapidjson PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIRS}"
  # std::string support in RapidJSON's API.
  INTERFACE_COMPILE_DEFINITIONS "RAPIDJSON_HAS_STDSTRING=1")

find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(Boost 1.74 REQUIRED)   # Asio and Beast, header-only
find_package(Threads REQUIRED)
find_package(CLI11 REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)

# Input formats for the indexer: gumbo (HTML5 parser), poppler's C++ API (PDF text), libzip
# with pugixml for Word and OpenDocument files (ZIP archives of XML parts), and cmark-gfm
# (GitHub's CommonMark parser) for Markdown: its libcmark-gfm.pc links its extensions too.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
